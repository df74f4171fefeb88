package org.certboard.exam.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.platform.testing.Requests.staff;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.certboard.devstack.testing.SandboxClock;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.exam.ExamPassed;
import org.certboard.exam.support.ExamFixtures;
import org.certboard.devstack.testing.RealInfrastructure;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Imports 10,000 results in one request (10,000 outbox events) and, as the baseline, writes the same rows into the
 * same tables with a plain JDBC batch. Run: {@code ./mvnw -B -o -pl exam-service test -Pbenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "exam"))
class ResultImportBenchmark {
    private static final int ROWS = 10_000;

    @Test
    void importTenThousandResults() throws SQLException {
        Instant now = SandboxClock.now();
        LocalDate today = SandboxClock.today();
        List<UUID> warmUp = prepare(200, today, now);
        staff().contentType("text/csv").body(csv(warmUp)).post("/results/import").then().statusCode(200);

        List<UUID> imported = prepare(ROWS, today, now);
        String body = csv(imported);
        long start = System.nanoTime();
        staff().contentType("text/csv").body(body).post("/results/import")
                .then().statusCode(200).body("accepted", equalTo(ROWS));
        double importSeconds = (System.nanoTime() - start) / 1e9;
        assertThat(TestDatabase.count("select count(*) from exam_result r join booking b on b.id = r.booking_id"
                + " where b.status = 'COMPLETED'")).isEqualTo(ROWS + warmUp.size());

        List<UUID> baseline = prepare(ROWS, today, now);
        double baselineSeconds = jdbcBaseline(baseline, today, now);

        System.out.printf("%nRESULT IMPORT BENCHMARK (%d rows)%n  import via POST /results/import: %.3f s (%.0f rows/s)%n"
                + "  plain JDBC batch baseline:        %.3f s (%.0f rows/s)%n  speed ratio import/baseline:     %.2fx%n%n",
                ROWS, importSeconds, ROWS / importSeconds, baselineSeconds, ROWS / baselineSeconds,
                baselineSeconds / importSeconds);
    }

    /** Bookings for a sitting that has already started, written directly: the import is what is measured. */
    private static List<UUID> prepare(int count, LocalDate today, Instant now) throws SQLException {
        UUID window = UUID.randomUUID();
        UUID sitting = UUID.randomUUID();
        List<UUID> bookings = new ArrayList<>(count);
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement w = c.prepareStatement(
                    "insert into exam_window (id, name, opens_on, closes_on) values (?, 'bench', ?, ?)");
                    PreparedStatement s = c.prepareStatement("insert into sitting (id, window_id, site, starts_at,"
                            + " capacity, seats_booked) values (?, ?, 'Bench', ?, ?, ?)");
                    PreparedStatement b = c.prepareStatement("insert into booking (id, candidate_id, sitting_id,"
                            + " application_id, status, deferred, booked_at) values (?, ?, ?, ?, 'BOOKED', false, ?)")) {
                w.setObject(1, window);
                w.setObject(2, today.minusDays(10));
                w.setObject(3, today.plusDays(10));
                w.executeUpdate();
                s.setObject(1, sitting);
                s.setObject(2, window);
                s.setTimestamp(3, Timestamp.from(now.minusSeconds(3600)));
                s.setInt(4, count);
                s.setInt(5, count);
                s.executeUpdate();
                for (int i = 0; i < count; i++) {
                    UUID booking = UUID.randomUUID();
                    bookings.add(booking);
                    b.setObject(1, booking);
                    b.setObject(2, UUID.randomUUID());
                    b.setObject(3, sitting);
                    b.setObject(4, UUID.randomUUID());
                    b.setTimestamp(5, Timestamp.from(now.minusSeconds(86400)));
                    b.addBatch();
                }
                b.executeBatch();
            }
            c.commit();
        }
        return bookings;
    }

    private static String csv(List<UUID> bookings) {
        StringBuilder csv = new StringBuilder(ImportRows.CSV_HEADER).append('\n');
        for (int i = 0; i < bookings.size(); i++) {
            csv.append(bookings.get(i)).append(',').append(300 + i % 500).append('\n');
        }
        return csv.toString();
    }

    /** The same writes as the import (results, booking status, outbox rows), as one JDBC transaction of batches. */
    private static double jdbcBaseline(List<UUID> bookings, LocalDate examDate, Instant now) throws SQLException {
        try (Connection c = TestDatabase.connect()) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement r = c.prepareStatement("insert into exam_result (id, booking_id, candidate_id,"
                    + " scaled_score, passed, no_show, exam_date, recorded_at) values (?, ?, ?, ?, ?, false, ?, ?)");
                    PreparedStatement o = c.prepareStatement("insert into outbox_event (id, topic, event_key, type,"
                            + " source, subject, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?, ?)");
                    PreparedStatement b = c.prepareStatement(
                            "update booking set status = 'COMPLETED' where id = any(?) and status = 'BOOKED'")) {
                for (int i = 0; i < bookings.size(); i++) {
                    UUID candidate = UUID.randomUUID();
                    int score = 300 + i % 500;
                    r.setObject(1, UUID.randomUUID());
                    r.setObject(2, bookings.get(i));
                    r.setObject(3, candidate);
                    r.setInt(4, score);
                    r.setBoolean(5, score >= 500);
                    r.setObject(6, examDate);
                    r.setTimestamp(7, Timestamp.from(now));
                    r.addBatch();
                    o.setObject(1, UUID.randomUUID());
                    o.setString(2, EventType.EXAM_PASSED.topic());
                    o.setString(3, candidate.toString());
                    o.setString(4, EventType.EXAM_PASSED.type());
                    o.setString(5, EventType.EXAM_PASSED.service().source());
                    o.setString(6, candidate.toString());
                    o.setTimestamp(7, Timestamp.from(now));
                    o.setString(8, EventCodec.toJson(new ExamPassed(candidate, bookings.get(i), examDate, score, null)));
                    o.addBatch();
                    if (i % 200 == 199) {
                        r.executeBatch();
                        o.executeBatch();
                    }
                }
                r.executeBatch();
                o.executeBatch();
                b.setArray(1, c.createArrayOf("uuid", bookings.toArray()));
                b.executeUpdate();
            }
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
