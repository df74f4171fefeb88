package org.certboard.devstack.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.Board.Sitting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One person certified in two of the board's credential programs at once (docs/programs.md): CCM on its five-year
 * clock and ACM on its four-year one, each with its own exam, number, CE categories and renewal, told as it happens.
 * The demo narrates it; a system test asserts on what it returns.
 */
public final class TwoPrograms {

    /** What the story produced: each program's certification as issued, its renewal, and what the public sees. */
    public record Outcome(Candidate candidate, Held ccm, Held acm) {
    }

    /** One program's part of the story. */
    public record Held(String program, Sitting sitting, JsonNode issued, JsonNode progressBeforeWindow,
            JsonNode renewal, JsonNode verification, IndependentVerifier.Stated credential) {
        public String number() {
            return issued.path("number").asText();
        }
    }

    public static final String CCM = "CCM";
    public static final String ACM = "ACM";
    private static final Duration EVENTUAL = Duration.ofSeconds(30);

    private final Board board;
    private final Consumer<String> narrator;

    public TwoPrograms(Board board, Consumer<String> narrator) {
        this.board = board;
        this.narrator = narrator;
    }

    public Outcome play(String givenName, String familyName) {
        Candidate candidate = board.register(givenName, familyName);
        board.addLicence(candidate);
        board.addExperience(candidate, 30);
        say("candidate", "%s registers (candidate %s), adds an RN licence and 30 months of case management",
                candidate.name(), candidate.id());
        for (String program : List.of(CCM, ACM)) {
            JsonNode application = board.applyTo(candidate, program).expect(201).body();
            say("candidate", "applies to %s: %s via %s, authorised until %s", application.path("program").asText(),
                    application.path("status").asText(), application.path("pathway").asText(),
                    application.path("authorisedUntil").asText());
        }

        Sitting ccmSitting = board.openSitting(CCM, 7, 20, "Albany Test Centre");
        Sitting acmSitting = board.openSitting(ACM, 9, 20, "Syracuse Test Centre");
        say("staff", "staff open a CCM sitting on %s and an ACM sitting on %s", ccmSitting.date(), acmSitting.date());
        String ccmBooking = board.bookOnceAuthorised(candidate, ccmSitting);
        String acmBooking = board.bookOnceAuthorised(candidate, acmSitting);
        say("candidate", "%s holds a booking in each program at once (%s, %s)", candidate.givenName(), ccmBooking,
                acmBooking);
        board.sit(acmSitting);
        board.importResults(Map.of(ccmBooking, 612, acmBooking, 574)).expect(200);
        say("vendor", "after both sittings the vendor imports both results: 612 and 574, both passes");

        JsonNode ccm = board.awaitCertification(candidate, CCM, EVENTUAL);
        JsonNode acm = board.awaitCertification(candidate, ACM, EVENTUAL);
        for (JsonNode issued : List.of(ccm, acm)) {
            say("(events)", "renewal-service issued %s (%s) on its ExamPassed event: first certified %s, expires %s",
                    issued.path("number").asText(), issued.path("program").asText(),
                    issued.path("firstCertifiedOn").asText(), issued.path("expiresOn").asText());
        }

        // one activity may count toward both certifications (docs/programs.md): she logs it on each, once both
        // cycles have begun
        for (JsonNode issued : List.of(ccm, acm)) {
            board.addCeCredit(candidate, issued.path("number").asText(), "Care transitions across settings", 10,
                    List.of(), acmSitting.date());
        }
        for (int i = 1; i <= 7; i++) {
            board.addCeCredit(candidate, ccm.path("number").asText(), "Care coordination module " + i, null, 9, false,
                    ccmSitting.date());
        }
        board.addCeCredit(candidate, ccm.path("number").asText(), "Ethics in case management", null, 8, true,
                ccmSitting.date());
        board.addCeCredit(candidate, acm.path("number").asText(), "Utilisation review and transitions of care", 30,
                List.of("case-management"), acmSitting.date());
        JsonNode ccmProgress = board.renewalProgress(candidate, ccm.path("number").asText());
        JsonNode acmProgress = board.renewalProgress(candidate, acm.path("number").asText());
        say("candidate", "she logs CE on each: CCM %s of %s h (ethics %s of %s), ACM %s of %s h (case management %s of"
                + " %s); the same 10-hour course counts on both", ccmProgress.path("earnedHours").asText(),
                ccmProgress.path("requiredHours").asText(), category(ccmProgress, "ethics", "earnedHours"),
                category(ccmProgress, "ethics", "requiredHours"), acmProgress.path("earnedHours").asText(),
                acmProgress.path("requiredHours").asText(), category(acmProgress, "case-management", "earnedHours"),
                category(acmProgress, "case-management", "requiredHours"));

        JsonNode acmRenewal = renewInsideTheWindow(candidate, acm);
        JsonNode ccmWhileAcmRenews = board.renewalProgress(candidate, ccm.path("number").asText());
        say("candidate", "meanwhile CCM cannot renew yet (its window opens %s): two programs, two clocks",
                ccmWhileAcmRenews.path("windowOpensOn").asText());
        JsonNode ccmRenewal = renewInsideTheWindow(candidate, ccm);

        Held ccmHeld = held(candidate, CCM, ccmSitting, ccm, ccmProgress, ccmRenewal);
        Held acmHeld = held(candidate, ACM, acmSitting, acm, acmProgress, acmRenewal);
        return new Outcome(candidate, ccmHeld, acmHeld);
    }

    private JsonNode renewInsideTheWindow(Candidate candidate, JsonNode certification) {
        String number = certification.path("number").asText();
        LocalDate expiresOn = LocalDate.parse(certification.path("expiresOn").asText());
        board.moveClocksTo(expiresOn.minusDays(45).atTime(LocalTime.NOON).atZone(Board.ZONE).toInstant());
        say("admin", "the board clock moves to %s: inside %s's renewal window", board.today(), number);
        JsonNode renewal = board.renew(candidate, number).expect(201).body();
        if ("PENDING_AUDIT".equals(renewal.path("status").asText())) {
            say("staff", "%s's renewal is sampled for a CE audit; staff accept the certificates", number);
            renewal = board.acceptAudit(number, renewal.path("id").asText()).expect(200).body();
        }
        say("candidate", "%s renews %s: the next cycle runs from %s to %s", candidate.givenName(), number, expiresOn,
                renewal.path("expiresOn").asText());
        return renewal;
    }

    private Held held(Candidate candidate, String program, Sitting sitting, JsonNode issued, JsonNode progress,
            JsonNode renewal) {
        String number = issued.path("number").asText();
        JsonNode verification = board.verify(number).expect(200).body();
        IndependentVerifier.Stated credential = IndependentVerifier.verify(board.downloadCredential(candidate, number),
                board.credentialKeys());
        say("anyone", "public verification of %s: %s, %s, %s, valid until %s; its signed credential states %s, valid"
                + " until %s", number, verification.path("name").asText(), verification.path("credential").asText(),
                verification.path("status").asText(), verification.path("validUntil").asText(),
                credential.achievement(), credential.validUntil());
        return new Held(program, sitting, issued, progress, renewal, verification, credential);
    }

    private static String category(JsonNode progress, String category, String field) {
        for (JsonNode entry : progress.path("categories")) {
            if (category.equals(entry.path("category").asText())) {
                return entry.path(field).asText();
            }
        }
        return "none";
    }

    private void say(String who, String format, Object... args) {
        narrator.accept(String.format("%-9s  ", who) + String.format(format, args));
    }
}
