package org.certboard.devstack.scenario;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.function.Consumer;

import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.Board.Sitting;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The golden path of the board, told as it happens: a candidate proves eligibility, books and passes the exam,
 * is certified for five years, earns CE credits and renews inside the window. Each line names who acted (the
 * candidate, staff, the vendor, admin, anyone, or the services themselves on an event). The demo narrates it; the
 * system tests assert on what it returns.
 */
public final class GoldenPath {

    /** What the path produced, for the system test to check. */
    public record Outcome(Candidate candidate, String bookingId, Sitting sitting, JsonNode certification,
            LocalDate renewedExpiresOn, JsonNode renewalAnswer, JsonNode verification, JsonNode progressBeforeWindow) {
    }

    /** The board's identifier of the CE provider of most of the candidate's credits. */
    public static final String CE_PROVIDER_ID = "CMSA-0042";
    private static final Duration EVENTUAL = Duration.ofSeconds(30);
    private static final String CANDIDATE = "candidate";
    private static final String STAFF = "staff";
    private static final String VENDOR = "vendor";
    private static final String ADMIN = "admin";
    private static final String ANYONE = "anyone";
    /** A step no caller made: a service acted on an event. */
    private static final String SERVICES = "(events)";

    private final Board board;
    private final Consumer<String> narrator;

    public GoldenPath(Board board, Consumer<String> narrator) {
        this.board = board;
        this.narrator = narrator;
    }

    public Outcome play(String givenName, String familyName) {
        Candidate candidate = board.register(givenName, familyName);
        say(CANDIDATE, "%s signs in and registers with the board (candidate %s), board date %s", candidate.name(), candidate.id(),
                board.today());
        board.addLicence(candidate);
        board.addExperience(candidate, 30);
        say(CANDIDATE, "adds an RN licence and 30 months of full-time case management");
        JsonNode application = board.apply(candidate).expect(201).body();
        say(CANDIDATE, "submits the application: %s via %s, authorised until %s", application.path("status").asText(),
                application.path("pathway").asText(), application.path("authorisedUntil").asText());

        Sitting sitting = board.openSitting(7, 20, "Albany Test Centre");
        say(STAFF, "staff open a testing window and a sitting at %s on %s (20 seats)", sitting.site(), sitting.date());
        String bookingId = board.bookOnceAuthorised(candidate, sitting);
        say(CANDIDATE, "%s books a seat (booking %s): exam-service knew of the approval from the EligibilityDecided event",
                candidate.givenName(), bookingId);

        board.sit(sitting);
        say(ADMIN, "the board clock moves to the afternoon of %s: the exam has been sat", sitting.date());
        JsonNode imported = board.importResults(Map.of(bookingId, 612)).expect(200).body();
        say(VENDOR, "the test vendor imports the results: %s accepted (scaled score 612, pass mark 500)",
                imported.path("accepted").asText());

        JsonNode certification = board.awaitCertification(candidate, EVENTUAL);
        String number = certification.path("number").asText();
        say(SERVICES, "renewal-service issued %s on the ExamPassed event: %s, first certified %s, expires %s", number,
                certification.path("status").asText(), certification.path("firstCertifiedOn").asText(),
                certification.path("expiresOn").asText());

        // issue 21: the board relies on the legal name once it has decided; a change then waits for staff
        String newFamilyName = familyName + "-Seacole";
        BoardClient.Answer refused = board.changeFamilyName(candidate, newFamilyName);
        say(CANDIDATE, "%s marries and changes her family name to %s in her profile: refused (%d, %s)",
                candidate.givenName(), newFamilyName, refused.status(), refused.text("title"));
        if (refused.status() != 422) {
            throw new AssertionError("a rename after approval should wait for staff: " + refused.raw());
        }
        JsonNode nameChange = board.requestNameChange(candidate, newFamilyName, "marriage",
                "marriage certificate NY-2027-0412").expect(201).body();
        say(CANDIDATE, "she asks the board for the change instead, with her marriage certificate (request %s, %s)",
                nameChange.path("id").asText(), nameChange.path("status").asText());
        say(ANYONE, "public verification of %s meanwhile still names %s", number,
                board.verify(number).expect(200).text("name"));
        board.decideNameChange(nameChange.path("id").asText(), true, "marriage certificate checked").expect(200);
        JsonNode renamed = board.awaitVerifiedName(number, candidate.givenName() + " " + newFamilyName, EVENTUAL);
        say(STAFF, "staff check the certificate and accept: CandidateUpdated reaches renewal-service, and public "
                + "verification now names %s", renamed.path("name").asText());

        LocalDate expiresOn = LocalDate.parse(certification.path("expiresOn").asText());
        for (int i = 1; i <= 9; i++) {
            board.addCeCredit(candidate, number, "Care coordination module " + i, CE_PROVIDER_ID, 8, false,
                    sitting.date());
        }
        board.addCeCredit(candidate, number, "Ethics in case management", null, 8, true, sitting.date());
        JsonNode progress = board.renewalProgress(candidate, number);
        say(CANDIDATE, "%s logs 80 CE hours (8 of them ethics; 72 from the CE provider %s, the ethics course naming no"
                + " provider); can renew now? %s (window opens %s)", candidate.givenName(), CE_PROVIDER_ID,
                progress.path("canRenew").asText(), progress.path("windowOpensOn").asText());

        board.moveClocksTo(expiresOn.minusDays(45).atTime(LocalTime.NOON).atZone(Board.ZONE).toInstant());
        say(ADMIN, "the board clock jumps almost five years, to %s: inside the renewal window", board.today());
        JsonNode renewal = board.renew(candidate, number).expect(201).body();
        if ("PENDING_AUDIT".equals(renewal.path("status").asText())) {
            say(STAFF, "the board samples this renewal for a CE audit; staff check %s's certificates and accept them",
                    candidate.givenName());
            renewal = board.acceptAudit(number, renewal.path("id").asText()).expect(200).body();
        }
        LocalDate renewed = LocalDate.parse(renewal.path("expiresOn").asText());
        say(CANDIDATE, "%s renews: the next cycle starts at the old expiry %s and runs to %s", candidate.givenName(), expiresOn,
                renewed);

        String credential = board.downloadCredential(candidate, number);
        IndependentVerifier.Stated stated = IndependentVerifier.verify(credential, board.credentialKeys());
        say(CANDIDATE, "%s downloads the signed credential (Open Badges 3.0, a %d-character JWT)", candidate.givenName(),
                credential.length());
        say(ANYONE, "an employer checks it with its own JOSE library (jose4j) against the board's published keys: "
                + "signature valid; %s, %s, valid until %s", stated.achievement(), stated.certificationNumber(),
                stated.validUntil());
        if (!number.equals(stated.certificationNumber())) {
            throw new AssertionError("the credential names " + stated.certificationNumber() + ", not " + number);
        }
        if (!stated.validUntil().startsWith(renewed.toString())) {
            throw new AssertionError("the credential states valid until " + stated.validUntil() + ", not the renewed "
                    + renewed);
        }

        JsonNode verification = board.verify(number).expect(200).body();
        say(ANYONE, "public verification of %s: %s, %s, %s, first certified %s, valid until %s", number,
                verification.path("name").asText(), verification.path("credential").asText(),
                verification.path("status").asText(), verification.path("firstCertifiedOn").asText(),
                verification.path("validUntil").asText());
        return new Outcome(candidate, bookingId, sitting, certification, renewed, renewal, verification, progress);
    }

    private void say(String who, String format, Object... args) {
        narrator.accept(String.format("%-9s  ", who) + String.format(format, args));
    }
}
