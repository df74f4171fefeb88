package org.certboard.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.BoardClient;
import org.certboard.devstack.scenario.GoldenPath;
import org.certboard.devstack.scenario.TokenSource;
import org.certboard.devstack.scenario.TwoPrograms;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.Topics;

import com.fasterxml.jackson.databind.JsonNode;

/** Plays the golden path on a running stack and prints it as a short story, then the events it caused. */
final class Demo {
    private final LocalStack stack;
    private final PrintStream out;

    Demo(LocalStack stack, PrintStream out) {
        this.stack = stack;
        this.out = out;
    }

    /** What the candidate found in her mailbox, read from the stack's SMTP server (sent at least once, by Message-ID). */
    private void printMail(Board.Candidate candidate) {
        out.println();
        out.println("== the mail " + candidate.givenName() + " received (" + candidate.email() + ", read from "
                + stack.mail().apiUrl() + ") ==");
        // the sender polls every few seconds: give the last events' mail a moment to arrive
        Ports.await("the last mail to arrive", Duration.ofSeconds(30), () -> {
            int before = stack.mail().messagesOf(candidate.email()).size();
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
            return before > 0 && stack.mail().messagesOf(candidate.email()).size() == before;
        });
        for (JsonNode message : stack.mail().messagesOf(candidate.email())) {
            out.printf("  %-70s %s%n", message.path("subject").asText(), message.path("Message-ID").asText());
        }
    }

    void play() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, stack.url(service));
        }
        out.println();
        out.println("== the golden path (who acts, with a token from " + (stack.keycloak().isPresent()
                ? "the local Keycloak" : "the test key") + ") ==");
        int[] step = { 0 };
        TokenSource tokens = stack.tokens();
        try (WebhookDemo partner = new WebhookDemo(urls.get(Service.CANDIDATE), tokens::admin);
                WebhookDemo ceProvider = new WebhookDemo(urls.get(Service.CANDIDATE), tokens::admin)) {
            partner.subscribeBoard();
            ceProvider.subscribeCeProvider(GoldenPath.CE_PROVIDER_ID);
            GoldenPath.Outcome outcome = new GoldenPath(new Board(new BoardClient(urls), tokens),
                    line -> out.printf("%2d. %s%n", ++step[0], line)).play("Grace", "Okafor");
            printEvents(outcome);
            out.println("== what a webhook partner (subscribed with scope BOARD) received and verified ==");
            partner.print(out, outcome.candidate().id(), Duration.ofSeconds(20));
            out.println();
            out.println("== what the CE provider " + GoldenPath.CE_PROVIDER_ID + " (scope CE_PROVIDER) received and"
                    + " verified: the credits that name it, nothing else ==");
            ceProvider.print(out, outcome.candidate().id(), Duration.ofSeconds(5));
            out.println();
            out.println("== one person, two credential programs (docs/programs.md): CCM every five years, ACM every four"
                    + " ==");
            int[] twoStep = { 0 };
            new TwoPrograms(new Board(new BoardClient(urls), tokens), line -> out.printf("%2d. %s%n", ++twoStep[0],
                    line)).play("Mary", "Richmond");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.println();
    }

    private void printEvents(GoldenPath.Outcome outcome) {
        out.println();
        out.println("== the events that carried it (key " + outcome.candidate().id() + ") ==");
        try (TopicProbe probe = new TopicProbe(stack.kafkaBootstrapServers(), Topics.CANDIDATE_EVENTS,
                Topics.EXAM_EVENTS, Topics.RENEWAL_EVENTS)) {
            List<TopicProbe.Received> events = probe.drain(Duration.ofSeconds(2)).stream()
                    .filter(r -> outcome.candidate().id().equals(r.key()))
                    .sorted(Comparator.comparing((TopicProbe.Received r) -> r.header("ce_time"))).toList();
            for (TopicProbe.Received event : events) {
                out.printf("  %s  %-26s %s%n", event.header("ce_time"), event.topic(), event.header("ce_type"));
            }
        }
        printMail(outcome.candidate());
        out.println();
    }
}
