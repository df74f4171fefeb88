package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.Board.Sitting;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class SecondChanceIT {

    @Test
    void aFailedCandidateRetakesInTheNextWindowAndPasses() {
        Board board = SystemStack.board();
        Candidate candidate = board.eligibleCandidate("Mary", "Seacole");
        Sitting first = board.openSitting(7, 10, "Buffalo Test Centre");
        String firstBooking = board.bookOnceAuthorised(candidate, first);
        board.sit(first);
        JsonNode failed = board.recordResult(firstBooking, 430).expect(201).body();
        assertThat(failed.path("passed").asBoolean()).isFalse();

        Sitting sameWindow = board.openSitting(3, 10, "Rochester Test Centre");
        Sitting nextWindow = board.openSitting(60, 10, "Syracuse Test Centre");
        String retake = board.bookOnceAuthorised(candidate, nextWindow);
        board.sit(nextWindow);
        JsonNode passed = board.recordResult(retake, 655).expect(201).body();
        assertThat(passed.path("passed").asBoolean()).isTrue();

        JsonNode certification = board.awaitCertification(candidate, Duration.ofSeconds(30));
        assertThat(certification.path("firstCertifiedOn").asText()).isEqualTo(nextWindow.date().toString());
        assertThat(certification.path("expiresOn").asText()).isEqualTo(nextWindow.date().plusYears(5).toString());
        JsonNode attempts = board.as(candidate).get(Service.EXAM, "/candidates/me/attempts")
                .expect(200).body();
        assertThat(attempts.findValuesAsText("bookingId")).containsExactlyInAnyOrder(firstBooking, retake);
        assertThat(sameWindow.windowId()).isNotEqualTo(nextWindow.windowId());
    }
}
