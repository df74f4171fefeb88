package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;

import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.Board.Sitting;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A program defined only in the system tests' configuration ({@link SystemStack#THIRD_PROGRAM}) runs end to end
 * across the real services with its own numbers: six months of experience suffice, 600 passes, two-year cycle, 10 CE
 * hours with 2 in law. No code knows its name.
 */
class ThirdProgramIT {
    private static final String TPX = "TPX";

    @Test
    void aProgramAddedByConfigurationAloneRunsEndToEnd() {
        Board board = SystemStack.board();
        JsonNode listed = board.anonymous().get(Service.RENEWAL, "/programs/" + TPX).expect(200).body();
        assertThat(listed.path("name").asText()).isEqualTo("Transitional Practice Credential (TPX)");

        Candidate candidate = board.register("Jane", "Addams");
        board.addLicence(candidate);
        board.addExperience(candidate, 8);
        assertThat(board.apply(candidate).expect(201).text("status"))
                .as("8 months do not make CCM's 24-month pathway").isNotEqualTo("APPROVED");
        JsonNode application = board.applyTo(candidate, TPX).expect(201).body();
        assertThat(application.path("status").asText()).isEqualTo("APPROVED");
        assertThat(application.path("program").asText()).isEqualTo(TPX);

        Sitting sitting = board.openSitting(TPX, 7, 10, "Chicago Test Centre");
        String firstBooking = board.bookOnceAuthorised(candidate, sitting);
        board.sit(sitting);
        JsonNode failed = board.recordResult(firstBooking, 590).expect(201).body();
        assertThat(failed.path("passed").asBoolean()).as("590 is below TPX's pass mark of 600").isFalse();

        // a retake is in a later window: this one opens after the first closed
        Sitting retake = board.openSitting(TPX, 31, 10, "Chicago Test Centre");
        String secondBooking = board.bookOnceAuthorised(candidate, retake);
        board.sit(retake);
        board.recordResult(secondBooking, 640).expect(201);

        JsonNode certification = board.awaitCertification(candidate, TPX, Duration.ofSeconds(30));
        String number = certification.path("number").asText();
        LocalDate expiresOn = retake.date().plusYears(2);
        assertThat(number).matches("TPX-\\d{4}-\\d{6}");
        assertThat(certification.path("expiresOn").asText()).isEqualTo(expiresOn.toString());

        board.addCeCredit(candidate, number, "Case law for case managers", 2, List.of("law"), retake.date());
        board.addCeCredit(candidate, number, "Discharge planning", 8, List.of(), retake.date());
        JsonNode unknown = board.as(candidate).post(Service.RENEWAL, "/certifications/" + number + "/ce-credits",
                Map.of("title", "Pharmacology", "provider", "Case Management Society", "hours", 1,
                        "categories", List.of("case-management"), "completedOn", retake.date().toString()))
                .expect(400).body();
        assertThat(unknown.toString()).contains("categories");

        board.moveClocksTo(expiresOn.minusDays(30).atTime(LocalTime.NOON).atZone(Board.ZONE).toInstant());
        JsonNode renewal = board.renew(candidate, number).expect(201).body();
        assertThat(renewal.path("expiresOn").asText()).isEqualTo(expiresOn.plusYears(2).toString());
        assertThat(board.verify(number).expect(200).text("credential"))
                .isEqualTo("Transitional Practice Credential (TPX)");
    }
}
