package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.Board.Sitting;
import org.certboard.devstack.scenario.BoardClient;
import org.certboard.devstack.scenario.BoardClient.Answer;
import org.certboard.devstack.testing.TopicProbe;
import org.certboard.events.EventType;
import org.certboard.events.Topics;
import org.junit.jupiter.api.Test;

class RefusalsIT {

    @Test
    void aDeniedApplicationCannotBook() {
        Board board = SystemStack.board();
        Candidate candidate = board.register("Ignaz", "Semmelweis");
        Answer application = board.apply(candidate).expect(201);
        assertThat(application.text("status")).isEqualTo("DENIED");
        assertThat(application.body().path("authorisedUntil").isNull() || application.body().path("authorisedUntil").isMissingNode()).isTrue();

        // wait until exam-service has consumed the decision, so the refusal below is the projection's doing
        try (TopicProbe probe = new TopicProbe(SystemStack.get().kafkaBootstrapServers(), Topics.CANDIDATE_EVENTS)) {
            probe.await(r -> candidate.id().equals(r.key())
                    && EventType.ELIGIBILITY_DECIDED.type().equals(r.header("ce_type")), 1, Duration.ofSeconds(30));
        }
        Sitting sitting = board.openSitting(7, 5, "Utica Test Centre");
        // 503 only until exam-service has consumed the registration itself (the candidate is not known yet)
        Answer booking = Board.await("exam-service to know " + candidate.name(), Duration.ofSeconds(30), () -> {
            Answer answer = board.book(candidate, sitting);
            return answer.status() == 503 ? Optional.empty() : Optional.of(answer);
        });
        assertThat(booking.status()).isIn(403, 422);
        assertThat(booking.body().path("status").asInt()).isEqualTo(booking.status());
    }

    @Test
    void aFullSittingRefusesTheNextBooking() {
        Board board = SystemStack.board();
        Candidate first = board.eligibleCandidate("Clara", "Barton");
        Candidate second = board.eligibleCandidate("Dorothea", "Dix");
        Sitting sitting = board.openSitting(7, 1, "Binghamton Test Centre");
        board.bookOnceAuthorised(first, sitting);
        Board.await("exam-service to know " + second.name() + " is authorised", Duration.ofSeconds(30), () -> {
            Answer answer = board.book(second, sitting);
            return answer.status() == 403 || answer.status() == 422 || answer.status() == 503 ? Optional.empty()
                    : Optional.of(answer);
        }).expect(409);
        assertThat(board.staff().get(Service.EXAM,
                "/sittings?windowId=" + sitting.windowId()).expect(200).body().path("items").get(0)
                .path("seatsLeft").asInt()).isZero();
    }

    @Test
    void unknownPathsAndBadBodiesAreProblemDocuments() {
        Board board = SystemStack.board();
        BoardClient offContract = SystemStack.offContract().as(SystemStack.get().tokens().staff());
        for (Service service : Service.values()) {
            Answer missing = offContract.get(service, "/no/such/thing");
            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.body().path("status").asInt()).isEqualTo(404);
        }
        Answer bad = board.staff().post(Service.CANDIDATE, "/candidates", Map.of("givenName", "", "email", "nope"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().path("violations").findValuesAsText("field")).contains("email");
    }
}
