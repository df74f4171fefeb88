package org.certboard.candidate.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.certboard.candidate.Api;
import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.Actor;
import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.exam.ExamPassed;
import org.certboard.events.renewal.CeCreditLogged;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.platform.testing.Requests;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Webhooks against the real broker, database and a real HTTP receiver in this JVM that checks every signature with
 * its own HMAC code. The test profile's retry schedule is seconds long (PT1S, PT2S, PT4S, PT8S, PT1M, PT5M, PT15M,
 * board time), the read timeout 2 s, and 127.0.0.1/32 is allow-listed (and nothing else).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "candidate"))
class WebhookTest {
    private static final String ISSUED = EventType.CERTIFICATION_ISSUED.type();
    private static final String RENEWED = EventType.CERTIFICATION_RENEWED.type();
    private static final String CE = EventType.CE_CREDIT_LOGGED.type();
    private static Receiver receiver;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = new Receiver();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.close();
    }

    @Test
    void aSubscriberThatAnswers500IsTriedAgainAndEveryAttemptIsRecorded() {
        String path = "/flaky/" + UUID.randomUUID();
        String subscription = subscribe(path, "BOARD", List.of(ISSUED));
        UUID candidate = UUID.randomUUID();
        UUID eventId = send(issued(candidate));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 1);
        Receiver.Received got = receiver.received(path).get(0);
        // the CloudEvent in structured mode, as published
        assertThat(got.event().get("specversion").asText()).isEqualTo("1.0");
        assertThat(got.event().get("id").asText()).isEqualTo(eventId.toString());
        assertThat(got.event().get("type").asText()).isEqualTo(ISSUED);
        assertThat(got.event().get("source").asText()).isEqualTo("/certboard/renewal");
        assertThat(got.event().get("subject").asText()).isEqualTo(candidate.toString());
        assertThat(got.event().get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(got.event().get("data").get("number").asText()).isEqualTo("CCM-2026-000777");
        assertThat(got.event().get("data").get("program").asText()).as("the payload as published")
                .isEqualTo("CCM");

        String delivery = admin().get("/webhook-subscriptions/{id}/deliveries", subscription).then().statusCode(200)
                .extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(10)).until(() -> "DELIVERED".equals(admin()
                .get("/webhook-deliveries/{id}", delivery).then().extract().path("delivery.status")));
        JsonPath detail = admin().get("/webhook-deliveries/{id}", delivery).then().statusCode(200).extract()
                .jsonPath();
        assertThat(detail.getList("attempts.outcome")).containsExactly("REJECTED", "DELIVERED");
        assertThat(detail.getList("attempts.statusCode")).containsExactly(500, 200);
        assertThat(detail.getString("attempts[0].excerpt")).contains("try later");
        assertThat(detail.getLong("attempts[1].latencyMs")).isNotNegative();
        // the same webhook-id on the retry: a subscriber can drop the repeat
        assertThat(got.webhookId()).isEqualTo(delivery);
        assertThat(receiver.requests(path)).isEqualTo(2);

        // an old delivery is sent again on request
        admin().post("/webhook-deliveries/{id}/replay", delivery).then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received(path).size() == 2);
        assertThat(receiver.received(path).get(1).event().get("id").asText()).isEqualTo(eventId.toString());
    }

    /**
     * A timeline replay may record an event before the live consumer comes to it: the consumer then leaves the
     * timeline's steps to the replay, but still records the event's deliveries.
     */
    @Test
    void anEventTheTimelineRecordedFirstStillReachesItsSubscriber() throws SQLException {
        String path = "/recorded-first/" + UUID.randomUUID();
        subscribe(path, "BOARD", List.of(ISSUED));
        UUID candidate = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        try (Connection connection = TestDatabase.connect(); PreparedStatement recorded = connection.prepareStatement(
                "insert into processed_event (event_id, type, source, processed_at) values (?, ?, ?, now())")) {
            recorded.setObject(1, eventId);
            recorded.setString(2, ISSUED);
            recorded.setString(3, EventType.CERTIFICATION_ISSUED.service().source());
            recorded.executeUpdate();
        }

        send(eventId, issued(candidate));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 1);
        assertThat(receiver.received(path).get(0).event().get("id").asText()).isEqualTo(eventId.toString());
        assertThat(TestDatabase.count("select count(*) from timeline_entry where event_id = ?::uuid",
                eventId.toString())).as("the timeline skipped the recorded event").isZero();
    }

    @Test
    void aHangingSubscriberDoesNotDelayAnother() {
        String hanging = "/hang/" + UUID.randomUUID();
        String fast = "/ok/" + UUID.randomUUID();
        subscribe(hanging, "BOARD", List.of(CE));
        subscribe(fast, "BOARD", List.of(CE));
        Map<String, Long> sentAt = new HashMap<>();
        int events = 50;
        for (int i = 0; i < events; i++) {
            UUID candidate = UUID.randomUUID();
            long now = System.currentTimeMillis();
            UUID id = send(new CeCreditLogged(candidate, "CCM-2026-000" + i, UUID.randomUUID(), BigDecimal.ONE, false,
                    LocalDate.of(2026, 1, 5)));
            sentAt.put(id.toString(), now);
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received(fast).size() == events);

        List<Long> latencies = new ArrayList<>();
        for (Receiver.Received got : receiver.received(fast)) {
            latencies.add(got.arrivedAtMillis() - sentAt.get(got.event().get("id").asText()));
        }
        latencies.sort(null);
        long p99 = latencies.get((int) Math.ceil(0.99 * latencies.size()) - 1);
        assertThat(p99).as("p99 delivery latency to the healthy subscriber, ms (all: %s)", latencies)
                .isLessThan(2000);
        // the hanging one was tried, and never held more than its own slots (max-in-flight-per-subscription)
        assertThat(receiver.requests(hanging)).isPositive();
        long first = receiver.hangingSince(hanging).get(0);
        assertThat(receiver.hangingSince(hanging).stream().filter(at -> at < first + 1500))
                .as("requests opened before the read timeout (2 s) freed a slot").hasSizeBetween(1, 4);
    }

    @Test
    void aSubscriberDownForTenMinutesReceivesEveryEventAfterwardsInOrder() {
        receiver.down = true;
        String path = "/down/" + UUID.randomUUID();
        String subscription = subscribe(path, "BOARD", List.of(CE));
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        List<UUID> adas = new ArrayList<>();
        List<UUID> bobs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            adas.add(send(credit(ada, i)));
            bobs.add(send(credit(bob, i)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from webhook_delivery where subscription_id = ?::uuid", subscription) == 10);
        // ten simulated minutes of retries, each retry that falls due tried before the clock moves on
        Instant downUntil = SandboxClock.now().plus(Duration.ofMinutes(10));
        while (SandboxClock.now().isBefore(downUntil)) {
            SandboxClock.advance(Duration.ofSeconds(50));
            awaitDueRetriesTried(subscription);
        }
        assertThat(receiver.received(path)).isEmpty();
        receiver.down = false;
        SandboxClock.advance(Duration.ofMinutes(20));

        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(path).size() == 10);
        assertThat(ids(path, ada)).containsExactlyElementsOf(adas.stream().map(UUID::toString).toList());
        assertThat(ids(path, bob)).containsExactlyElementsOf(bobs.stream().map(UUID::toString).toList());
        // the first of each person's queue was tried all along, and every try is on record
        for (UUID first : List.of(adas.get(0), bobs.get(0))) {
            String delivery = TestDatabase.text("select id::text from webhook_delivery where event_id = ?"
                    + " and subscription_id = ?::uuid", first, subscription);
            JsonPath detail = admin().get("/webhook-deliveries/{id}", delivery).then().statusCode(200).extract()
                    .jsonPath();
            List<String> outcomes = detail.getList("attempts.outcome");
            assertThat(outcomes.size()).isGreaterThanOrEqualTo(6);
            assertThat(outcomes.subList(0, outcomes.size() - 1)).containsOnly("REJECTED");
            assertThat(outcomes.get(outcomes.size() - 1)).isEqualTo("DELIVERED");
            assertThat(detail.getList("attempts.statusCode").subList(0, outcomes.size() - 1)).containsOnly(503);
        }
    }

    @Test
    void eachPartnerReceivesOnlyWhatItsScopeAllows() {
        String firstPath = "/ok/" + UUID.randomUUID();
        String secondPath = "/ok/" + UUID.randomUUID();
        String first = subscribe(firstPath, "EMPLOYER", List.of(ISSUED, RENEWED));
        String second = subscribe(secondPath, "EMPLOYER", List.of(ISSUED, RENEWED));
        String adaEmail = Api.uniqueEmail();
        String adaToken = TestTokens.candidate(UUID.randomUUID().toString(), adaEmail);
        String ada = Requests.as(adaToken).contentType(ContentType.JSON).body(Map.of("givenName", "Ada", "familyName",
                "Lovelace", "email", adaEmail, "dateOfBirth", "1985-12-10")).post("/candidates").then()
                .statusCode(201).extract().path("id");
        String bob = Api.register();
        String carol = Api.register();
        // Ada authorises the first employer herself; staff record Bob's authorisation of the second
        Requests.as(adaToken).put("/candidates/{id}/employers/{s}", ada, first).then().statusCode(204);
        Requests.staff().put("/candidates/{id}/employers/{s}", bob, second).then().statusCode(204);
        // nobody may authorise a subscription that is not an employer's, nor another person's
        String board = subscribe("/ok/" + UUID.randomUUID(), "BOARD", List.of(ISSUED));
        Requests.as(adaToken).put("/candidates/{id}/employers/{s}", ada, board).then().statusCode(404);
        Requests.as(adaToken).put("/candidates/{id}/employers/{s}", bob, first).then().statusCode(404);

        UUID adaIssued = send(issued(UUID.fromString(ada)));
        send(new ExamPassed(UUID.fromString(ada), UUID.randomUUID(), LocalDate.of(2026, 4, 2), 640,
                new Actor("vendor-1", "vendor")));
        UUID bobIssued = send(issued(UUID.fromString(bob)));
        send(issued(UUID.fromString(carol)));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(firstPath).size() == 1
                && receiver.received(secondPath).size() == 1);
        // Carol's and the exam result reach neither; wait until a later event arrived to be sure nothing else comes
        Requests.as(adaToken).delete("/candidates/{id}/employers/{s}", ada, first).then().statusCode(204);
        UUID adaRenewed = send(renewed(UUID.fromString(ada)));
        UUID bobRenewed = send(renewed(UUID.fromString(bob)));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(secondPath).size() == 2);

        assertThat(receiver.received(firstPath)).extracting(r -> r.event().get("id").asText())
                .containsExactly(adaIssued.toString());
        assertThat(receiver.received(secondPath)).extracting(r -> r.event().get("id").asText())
                .containsExactly(bobIssued.toString(), bobRenewed.toString());
        assertThat(TestDatabase.count("select count(*) from webhook_delivery where event_id = ?"
                + " and subscription_id = ?::uuid", adaRenewed, first))
                .as("after the withdrawal nothing about Ada is recorded for the employer").isZero();
        assertThat(TestDatabase.count("select count(*) from webhook_delivery where subscription_id in (?::uuid, "
                + "?::uuid) and candidate_id = ?::uuid", first, second, carol)).isZero();
        assertThat(receiver.badSignatures()).isZero();
    }

    @Test
    void eachCeProviderReceivesOnlyTheCreditsThatNameIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String acme = "ACME-" + suffix;
        String beta = "beta.ce_" + suffix;
        String acmePath = "/ok/" + UUID.randomUUID();
        String betaPath = "/ok/" + UUID.randomUUID();
        String acmeSubscription = subscribeProvider(acmePath, acme);
        String betaSubscription = subscribeProvider(betaPath, beta);
        admin().get("/webhook-subscriptions/{id}", acmeSubscription).then().statusCode(200)
                .body("scope", equalTo("CE_PROVIDER"))
                .body("providerId", equalTo(acme))
                .body("eventTypes", contains(CE));

        // Ada takes courses from both providers, one from a provider without a subscription, one naming none, and
        // one whose identifier differs from Acme's in case only; Bob one from Beta. Ada's events share a partition,
        // so once her last one reached Acme every earlier one was offered to both subscriptions.
        UUID ada = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID adaAcme = send(credit(ada, acme));
        UUID adaBeta = send(credit(ada, beta));
        send(credit(ada, null));
        send(credit(ada, "OTHER-" + suffix));
        send(credit(ada, acme.toLowerCase()));
        send(issued(ada));
        UUID adaAcmeAgain = send(credit(ada, acme));
        UUID bobBeta = send(credit(bob, beta));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received(acmePath).size() == 2
                && receiver.received(betaPath).size() == 2);

        assertThat(receiver.received(acmePath)).extracting(r -> r.event().get("id").asText())
                .containsExactly(adaAcme.toString(), adaAcmeAgain.toString());
        assertThat(receiver.received(acmePath)).extracting(r -> r.event().get("data").get("providerId").asText())
                .containsOnly(acme);
        assertThat(receiver.received(betaPath)).extracting(r -> r.event().get("id").asText())
                .containsExactlyInAnyOrder(adaBeta.toString(), bobBeta.toString());
        assertThat(TestDatabase.count("select count(*) from webhook_delivery where subscription_id = ?::uuid",
                acmeSubscription)).as("nothing else recorded for Acme").isEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from webhook_delivery where subscription_id = ?::uuid",
                betaSubscription)).as("nothing else recorded for Beta").isEqualTo(2);
        assertThat(receiver.badSignatures()).isZero();
    }

    @Test
    void aRotatedSecretSignsBesideTheOldOneDuringTheOverlap() {
        String path = "/ok/" + UUID.randomUUID();
        String subscription = subscribe(path, "BOARD", List.of(ISSUED));
        String old = secrets.get(path);
        String fresh = admin().post("/webhook-subscriptions/{id}/secret", subscription).then().statusCode(200)
                .extract().path("secret");
        assertThat(fresh).startsWith("whsec_").isNotEqualTo(old);
        // each of the partner's two verifiers accepts the same request
        // by id, not by count: an ISSUED event of an earlier test that the consumer comes to only now reaches this
        // subscription too, and a count would step past the one awaited
        receiver.trust(path, fresh);
        UUID first = send(issued(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> arrived(path, first));
        receiver.trust(path, old);
        UUID second = send(issued(UUID.randomUUID()));
        await().atMost(Duration.ofSeconds(30)).until(() -> arrived(path, second));
        // the secret is shown once, never read back
        assertThat(admin().get("/webhook-subscriptions/{id}", subscription).then().statusCode(200).extract()
                .jsonPath().getMap("")).doesNotContainKey("secret").containsKey("previousSecretValidUntil");
    }

    @Test
    void anAddressThatTurnsPrivateIsRefusedAtEveryConnection() {
        String path = "/ok/" + UUID.randomUUID();
        String subscription = subscribe(path, "BOARD", List.of(ISSUED));
        // as if the subscriber's name now resolved to the cloud metadata address (DNS changed after the check)
        TestDatabase.count("with changed as (update webhook_subscription set url = 'http://169.254.169.254/latest'"
                + " where id = ?::uuid returning 1) select count(*) from changed", subscription);
        UUID event = send(issued(UUID.randomUUID()));
        // other tests' subscriptions may receive the same event: this one's attempts only
        String attempts = " from webhook_attempt a join webhook_delivery d on d.id = a.delivery_id"
                + " where d.event_id = ? and d.subscription_id = ?::uuid";
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count("select count(*)" + attempts, event,
                subscription) >= 1);
        assertThat(TestDatabase.text("select a.outcome" + attempts + " order by a.id limit 1", event, subscription))
                .isEqualTo("REFUSED");
        assertThat(TestDatabase.text("select a.excerpt" + attempts + " order by a.id limit 1", event, subscription))
                .contains("169.254.169.254");
    }

    @Test
    void badInputIsAClean400AndWritesNothing() {
        long before = TestDatabase.count("select count(*) from webhook_subscription");
        String url = receiver.url("/ok/bad");
        violation(body("ftp://example.org/hook", "BOARD", List.of(ISSUED)), "url", "http");
        violation(body("https://10.0.0.1/hook", "BOARD", List.of(ISSUED)), "url", "private");
        violation(body("https://169.254.169.254/latest/meta-data", "BOARD", List.of(ISSUED)), "url", "link-local");
        violation(body("https://[::ffff:192.168.1.5]/hook", "BOARD", List.of(ISSUED)), "url", "private");
        violation(body("https://[::1]/hook", "BOARD", List.of(ISSUED)), "url", "loopback");
        violation(body("https://example.org/" + "a".repeat(2100), "BOARD", List.of(ISSUED)), "url", "size");
        violation(body(url, "BOARD", List.of("org.certboard.renewal.CertificationIssued.v9")), "eventTypes[0]",
                "unknown event type");
        violation(body(url, "EMPLOYER", List.of(ISSUED, EventType.EXAM_PASSED.type())), "eventTypes[1]",
                "does not allow");
        Map<String, Object> oversized = body(url, "BOARD", List.of(ISSUED));
        oversized.put("secret", "whsec_" + "QUJD".repeat(30));
        violation(oversized, "secret", "");
        Map<String, Object> noScope = body(url, "BOARD", List.of(ISSUED));
        noScope.remove("scope");
        violation(noScope, "scope", "");
        violation(body(url, "CE_PROVIDER", List.of(CE)), "providerId", "required with scope CE_PROVIDER");
        Map<String, Object> providerOnBoard = body(url, "BOARD", List.of(CE));
        providerOnBoard.put("providerId", "ACME-1");
        violation(providerOnBoard, "providerId", "only a CE_PROVIDER subscription");
        Map<String, Object> providerOnEmployer = body(url, "EMPLOYER", List.of(ISSUED));
        providerOnEmployer.put("providerId", "ACME-1");
        violation(providerOnEmployer, "providerId", "only a CE_PROVIDER subscription");
        violation(provider(url, "ACME-1", List.of(CE, ISSUED)), "eventTypes[1]", "does not allow");
        for (String bad : List.of("", "ACME 1", "-ACME", "ACME/1", "A".repeat(65))) {
            violation(provider(url, bad, List.of(CE)), "providerId", "");
        }
        admin().contentType(ContentType.JSON).body(Map.of("providerId", "ACME-2"))
                .patch("/webhook-subscriptions/{id}", UUID.randomUUID()).then().statusCode(400);
        admin().contentType(ContentType.JSON).body(Map.of("paused", true, "secret", "whsec_x"))
                .patch("/webhook-subscriptions/{id}", UUID.randomUUID()).then().statusCode(400);
        assertThat(TestDatabase.count("select count(*) from webhook_subscription")).isEqualTo(before);
        admin().get("/webhook-deliveries/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    private final Map<String, String> secrets = new HashMap<>();

    private void awaitDueRetriesTried(String subscription) {
        Instant now = SandboxClock.now();
        await().atMost(Duration.ofSeconds(20)).until(() -> TestDatabase.count("select count(*) from webhook_delivery"
                + " where subscription_id = ?::uuid and status = 'PENDING' and attempts > 0"
                + " and next_attempt_at <= ?::timestamptz", subscription, now.toString()) == 0);
    }

    private List<String> ids(String path, UUID candidate) {
        return receiver.received(path).stream().filter(r -> r.event().get("subject").asText()
                .equals(candidate.toString())).map(r -> r.event().get("id").asText()).toList();
    }

    private String subscribe(String path, String scope, List<String> types) {
        JsonPath created = admin().contentType(ContentType.JSON).body(body(receiver.url(path), scope, types))
                .post("/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        secrets.put(path, secret);
        receiver.trust(path, secret);
        return created.getString("id");
    }

    private String subscribeProvider(String path, String providerId) {
        JsonPath created = admin().contentType(ContentType.JSON).body(provider(receiver.url(path), providerId,
                List.of(CE))).post("/webhook-subscriptions").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("providerId")).isEqualTo(providerId);
        receiver.trust(path, created.getString("secret"));
        return created.getString("id");
    }

    private static Map<String, Object> provider(String url, String providerId, List<String> types) {
        Map<String, Object> body = body(url, "CE_PROVIDER", types);
        body.put("providerId", providerId);
        return body;
    }

    private static Map<String, Object> body(String url, String scope, List<String> types) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "partner " + scope.toLowerCase());
        body.put("url", url);
        body.put("scope", scope);
        body.put("eventTypes", types);
        return body;
    }

    private static void violation(Map<String, Object> body, String field, String message) {
        JsonPath problem = admin().contentType(ContentType.JSON).body(body).post("/webhook-subscriptions").then()
                .statusCode(400).contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.field")).as("%s", problem.prettify()).contains(field);
        assertThat(problem.getString("violations.find { it.field == '" + field + "' }.message")).containsIgnoringCase(
                message);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return Requests.admin();
    }

    private static CertificationIssued issued(UUID candidate) {
        LocalDate day = LocalDate.of(2026, 4, 2);
        return new CertificationIssued(candidate, "CCM-2026-000777", day, day, day.plusYears(5));
    }

    private static CertificationRenewed renewed(UUID candidate) {
        LocalDate day = LocalDate.of(2031, 4, 2);
        return new CertificationRenewed(candidate, "CCM-2026-000777", "CE", false, day, day.plusYears(5),
                new Actor("staff-1", "staff"));
    }

    private static CeCreditLogged credit(UUID candidate, int i) {
        return new CeCreditLogged(candidate, "CCM-2026-000001", UUID.randomUUID(), BigDecimal.valueOf(i + 1L), false,
                LocalDate.of(2026, 1, 5));
    }

    private static CeCreditLogged credit(UUID candidate, String providerId) {
        return new CeCreditLogged(candidate, "CCM-2026-000002", UUID.randomUUID(), BigDecimal.TEN, false,
                LocalDate.of(2026, 2, 9), providerId);
    }

    /** Whether {@code path}'s subscriber accepted the event with this id (signature verified). */
    private boolean arrived(String path, UUID event) {
        return receiver.received(path).stream()
                .anyMatch(got -> got.event().get("id").asText().equals(event.toString()));
    }

    private UUID send(EventPayload event) {
        return send(UUID.randomUUID(), event);
    }

    private UUID send(UUID id, EventPayload event) {
        EventType type = EventType.of(event);
        TopicProbe.send(bootstrapServers, type.topic(), event.candidateId().toString(), EventCodec.toJson(event),
                Map.of("ce_id", id.toString(), "ce_type", type.type(), "ce_source", type.service().source(),
                        "ce_subject", event.candidateId().toString(), "ce_time", Instant.now().toString(),
                        "ce_specversion", "1.0"));
        return id;
    }
}
