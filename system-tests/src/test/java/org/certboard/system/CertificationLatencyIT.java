package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.Board.Candidate;
import org.certboard.devstack.scenario.Board.Sitting;
import org.junit.jupiter.api.Test;

/**
 * Measures what a board cares about end to end: from the passing result's HTTP response in exam-service to the
 * certification being readable in renewal-service (outbox, relay, Kafka, consumer, issue). Reported, not gated:
 * the only assertion is that every certification arrived.
 */
class CertificationLatencyIT {
    private static final int CANDIDATES = 50;

    @Test
    void passingResultToReadableCertification() throws IOException {
        Board board = SystemStack.board();
        Sitting sitting = board.openSitting(7, CANDIDATES, "Latency Test Centre");
        List<Candidate> candidates = new ArrayList<>();
        List<String> bookings = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            Candidate candidate = board.eligibleCandidate("Latency", "Candidate" + i);
            candidates.add(candidate);
            bookings.add(board.bookOnceAuthorised(candidate, sitting));
        }
        board.sit(sitting);

        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            board.recordResult(bookings.get(i), 640).expect(201);
            long answered = System.nanoTime();
            Candidate candidate = candidates.get(i);
            Board.await("certification of " + candidate.name(), Duration.ofSeconds(30),
                    () -> board.certification(candidate));
            micros.add((System.nanoTime() - answered) / 1000);
        }
        List<Long> sorted = micros.stream().sorted().toList();
        String report = String.format("passing result (HTTP 201) -> certification readable, %d candidates, polled every 20 ms:"
                + " p50 %.0f ms, p90 %.0f ms, max %.0f ms%n", CANDIDATES, sorted.get(CANDIDATES / 2) / 1000.0,
                sorted.get(CANDIDATES * 9 / 10) / 1000.0, sorted.get(CANDIDATES - 1) / 1000.0);
        System.out.print("[system-test] " + report);
        Path out = Path.of("target", "system-test-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        assertThat(micros).hasSize(CANDIDATES);
    }
}
