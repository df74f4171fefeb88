package org.certboard.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Service;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.exam.ExamPassed;

/**
 * The exam-side scenarios. Bookings and authorisations are written straight into exam-service's database (as
 * ResultImportBenchmark does): what is measured is the result, the booking race or the import, not the seeding.
 */
final class Exams {
    private final LocalStack stack;
    private final Load load;
    private final String staff;
    private final Report report;

    Exams(LocalStack stack, Load load, String staff, Report report) {
        this.stack = stack;
        this.load = load;
        this.staff = staff;
        this.report = report;
    }

    private record Seeded(List<UUID> bookings, List<UUID> candidates) {
    }

    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final int WARM_UP_RATE = 50;

    /**
     * POST /results at a constant rate; each result's latency runs from its scheduled send time until renewal-service
     * has committed the certification (seen by polling its database every 5 ms: what a GET would read).
     */
    void resultToCertification(int perSecond, Duration duration) throws Exception {
        int count = (int) (perSecond * duration.toSeconds());
        Seeded warm = seedBookings(WARM_UP_RATE * (int) WARM_UP.toSeconds());
        Seeded seeded = seedBookings(count);
        String exam = stack.url(Service.EXAM);
        Map<UUID, Long> due = new ConcurrentHashMap<>();
        Map<UUID, Long> seen = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        // warm-up: the same path, not recorded, long enough for the JIT of the three services (as the GET and POST runs)
        load.constantRate("results warm-up", WARM_UP_RATE, WARM_UP, 64,
                i -> result(exam, warm.bookings().get((int) i)));
        awaitCertified(warm.candidates(), Duration.ofSeconds(60), null, null, null);
        Thread poller = new Thread(() -> {
            try {
                awaitCertified(seeded.candidates(), duration.plusSeconds(60), due, seen, latency);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        poller.start();
        Instant wallStart = Instant.now();
        long start = System.nanoTime();
        long period = 1_000_000_000L / perSecond;
        Load.Run run = load.constantRate("POST /results at " + perSecond + "/s", perSecond, duration, 64, i -> {
            due.put(seeded.candidates().get((int) i), start + i * period);
            return result(exam, seeded.bookings().get((int) i));
        });
        report.say(run.summary() + " | load " + Machine.loadAverage());
        poller.join();
        stages(seeded.candidates(), due, seen, start, wallStart);
        report.row("POST /results → certification readable", String.format("constant %d results/s for %d s:"
                + " p50 / p99 / max", perSecond, duration.toSeconds()), perSecond >= 200 ? "p99 ≤ 250 ms" : "keep",
                String.format("%.0f / %.0f / %.0f ms", latency.getValueAtPercentile(50) / 1000.0,
                        latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0),
                String.format("%d of %d certified; HTTP p99 %.0f ms", latency.getTotalCount(), count, run.p(99)));
    }

    private HttpRequest result(String exam, UUID booking) {
        return post(exam + "/results", "{\"bookingId\":\"" + booking + "\",\"scaledScore\":650}", "application/json");
    }

    /**
     * Where each result's time went, from the rows' own timestamps (all processes share this machine's clock): the
     * scheduled send, exam-service's outbox row written and published, renewal-service's consumer recording the
     * event ({@code processed_event.recorded_at}) and writing its own outbox row (the handler's last write, just
     * before its commit), and the poller seeing the certification.
     */
    private void stages(List<UUID> candidates, Map<UUID, Long> due, Map<UUID, Long> seen, long start,
            Instant wallStart) throws SQLException {
        Map<UUID, Instant[]> times = new java.util.HashMap<>();
        Map<UUID, UUID> candidateOfEvent = new java.util.HashMap<>();
        Array keys;
        try (Connection c = Bench.connect(stack, Service.EXAM);
                PreparedStatement q = c.prepareStatement("select event_key, id, created_at, published_at"
                        + " from outbox_event where type = ? and event_key = any(?)")) {
            keys = c.createArrayOf("text", candidates.stream().map(UUID::toString).toArray());
            q.setString(1, EventType.EXAM_PASSED.type());
            q.setArray(2, keys);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    UUID candidate = UUID.fromString(rs.getString(1));
                    Long dueAt = due.get(candidate);
                    Long seenAt = seen.get(candidate);
                    if (dueAt == null || seenAt == null || rs.getTimestamp(4) == null) {
                        continue;
                    }
                    candidateOfEvent.put((UUID) rs.getObject(2), candidate);
                    times.put(candidate, new Instant[] {wallStart.plusNanos(dueAt - start),
                            rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant(), null, null,
                            wallStart.plusNanos(seenAt - start)});
                }
            }
        }
        try (Connection c = Bench.connect(stack, Service.RENEWAL);
                PreparedStatement received = c.prepareStatement(
                        "select event_id, recorded_at from processed_event where event_id = any(?)");
                PreparedStatement issued = c.prepareStatement("select event_key, created_at from outbox_event"
                        + " where type = ? and event_key = any(?)")) {
            received.setArray(1, c.createArrayOf("uuid", candidateOfEvent.keySet().toArray()));
            try (ResultSet rs = received.executeQuery()) {
                while (rs.next()) {
                    times.get(candidateOfEvent.get((UUID) rs.getObject(1)))[3] = rs.getTimestamp(2).toInstant();
                }
            }
            issued.setString(1, EventType.CERTIFICATION_ISSUED.type());
            issued.setArray(2, c.createArrayOf("text", candidates.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = issued.executeQuery()) {
                while (rs.next()) {
                    Instant[] row = times.get(UUID.fromString(rs.getString(1)));
                    if (row != null) {
                        row[4] = rs.getTimestamp(2).toInstant();
                    }
                }
            }
        }
        String[] names = {"HTTP + exam transaction (due → exam outbox row)", "exam relay (row → published)",
            "Kafka + renewal consumer (published → processed_event)", "renewal handler (processed_event →"
                    + " CertificationIssued row)", "commit + poll (→ seen)"};
        StringBuilder line = new StringBuilder("where the time went, p50 / p99 / max ms:");
        for (int stage = 0; stage < names.length; stage++) {
            Histogram h = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
            for (Instant[] row : times.values()) {
                if (row[stage] != null && row[stage + 1] != null) {
                    h.recordValue(Math.max(0, Duration.between(row[stage], row[stage + 1]).toNanos() / 1000));
                }
            }
            line.append(String.format("%n    %s: %.1f / %.1f / %.1f", names[stage], h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0));
        }
        report.say(line.toString());
    }

    /**
     * Polls renewal-service's database until every candidate has a certification; records latencies (from
     * {@code due}) and the instant each was seen if asked.
     */
    private void awaitCertified(List<UUID> candidates, Duration timeout, Map<UUID, Long> due, Map<UUID, Long> seenAt,
            Histogram latency) throws SQLException {
        java.util.Set<UUID> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(candidates);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = Bench.connect(stack, Service.RENEWAL);
                PreparedStatement q = c.prepareStatement(
                        "select candidate_id from certification where candidate_id = any(?)")) {
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                List<UUID> asked = due == null ? new ArrayList<>(pending)
                        : pending.stream().filter(due::containsKey).toList();
                if (!asked.isEmpty()) {
                    Array ids = c.createArrayOf("uuid", asked.toArray());
                    q.setArray(1, ids);
                    try (ResultSet rs = q.executeQuery()) {
                        long seen = System.nanoTime();
                        while (rs.next()) {
                            UUID id = (UUID) rs.getObject(1);
                            if (pending.remove(id) && latency != null) {
                                latency.recordValue(Math.max(0, (seen - due.get(id)) / 1000));
                                seenAt.put(id, seen);
                            }
                        }
                    }
                }
                App.sleep(due == null ? 100 : 5);
            }
        }
        if (!pending.isEmpty()) {
            report.say(pending.size() + " of " + candidates.size() + " candidates still without a certification");
        }
    }

    /**
     * {@code attempts} staff bookings for different authorised candidates, all sent at once, for one sitting; first the
     * same burst on a sitting of its own, not recorded, so that the booking path is compiled (as the other scenarios
     * warm theirs).
     */
    void bookings(int attempts, int seats) throws Exception {
        burst(attempts, seats, false);
        burst(attempts, seats, true);
    }

    private void burst(int attempts, int seats, boolean recorded) throws Exception {
        LocalDate today = Bench.today();
        UUID window = UUID.randomUUID();
        UUID sitting = UUID.randomUUID();
        List<UUID> candidates = new ArrayList<>();
        try (Connection c = Bench.connect(stack, Service.EXAM)) {
            c.setAutoCommit(false);
            try (PreparedStatement w = c.prepareStatement(
                    "insert into exam_window (id, name, opens_on, closes_on) values (?, 'bench', ?, ?)");
                    PreparedStatement s = c.prepareStatement("insert into sitting (id, window_id, site, starts_at,"
                            + " capacity, seats_booked) values (?, ?, 'Bench', ?, ?, 0)");
                    PreparedStatement a = c.prepareStatement("insert into authorisation (candidate_id,"
                            + " application_id, status, authorised_until, decided_at) values (?, ?, 'APPROVED', ?, ?)")) {
                w.setObject(1, window);
                w.setObject(2, today.minusDays(1));
                w.setObject(3, today.plusDays(60));
                w.executeUpdate();
                s.setObject(1, sitting);
                s.setObject(2, window);
                s.setTimestamp(3, Timestamp.from(today.plusDays(30).atTime(LocalTime.of(9, 0)).atZone(Bench.ZONE)
                        .toInstant()));
                s.setInt(4, seats);
                s.executeUpdate();
                for (int i = 0; i < attempts; i++) {
                    UUID candidate = UUID.randomUUID();
                    candidates.add(candidate);
                    a.setObject(1, candidate);
                    a.setObject(2, UUID.randomUUID());
                    a.setObject(3, today.plusYears(1));
                    a.setTimestamp(4, Timestamp.from(Instant.now()));
                    a.addBatch();
                }
                a.executeBatch();
            }
            c.commit();
        }
        String exam = stack.url(Service.EXAM);
        Map<Integer, Long> statuses = new TreeMap<>();
        Map<String, Long> cpuBefore = cpuByProcess();
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<Void>>> answers = new ArrayList<>();
        for (UUID candidate : candidates) {
            answers.add(load.http().sendAsync(post(exam + "/bookings", "{\"candidateId\":\"" + candidate
                    + "\",\"sittingId\":\"" + sitting + "\"}", "application/json"), HttpResponse.BodyHandlers.discarding()));
        }
        int failures = 0;
        for (CompletableFuture<HttpResponse<Void>> answer : answers) {
            try {
                statuses.merge(answer.get(120, TimeUnit.SECONDS).statusCode(), 1L, Long::sum);
            } catch (Exception e) {
                failures++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuAfter = cpuByProcess();
        if (!recorded) {
            report.say(String.format("bookings warm-up: statuses %s in %.2f s", statuses, seconds));
            return;
        }
        report.say(cpuPer("booking request", attempts, cpuBefore, cpuAfter));
        long booked;
        long seatsTaken;
        try (Connection c = Bench.connect(stack, Service.EXAM);
                PreparedStatement q = c.prepareStatement("select (select count(*) from booking where sitting_id = ?),"
                        + " (select seats_booked from sitting where id = ?)")) {
            q.setObject(1, sitting);
            q.setObject(2, sitting);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                booked = rs.getLong(1);
                seatsTaken = rs.getLong(2);
            }
        }
        long confirmed = statuses.getOrDefault(201, 0L);
        long conflicts = statuses.getOrDefault(409, 0L);
        boolean exact = confirmed == seats && booked == seats && seatsTaken == seats
                && conflicts == attempts - seats && failures == 0;
        report.say(String.format("bookings: statuses %s, %d transport failures, %d rows, seats_booked %d, %.2f s",
                statuses, failures, booked, seatsTaken, seconds));
        report.row(attempts + " concurrent bookings for " + seats + " seats", "bookings/s (answers/s); outcome",
                "≥ 300/s, exactly " + seats + " confirmed, rest 409, no 5xx",
                String.format("%.0f/s; %d confirmed, %d × 409, other %s", attempts / seconds, confirmed, conflicts,
                        statuses.keySet().stream().filter(s -> s != 201 && s != 409).toList()),
                (exact ? "exact" : "NOT exact") + (attempts / seconds >= 300 ? ", rate met" : ", rate NOT met"));
    }

    /**
     * POST /results/import of {@code rows} results, timed from the request until renewal-service has issued every
     * certification; the baseline writes the same import rows (results, booking status, outbox rows) with a plain
     * JDBC batch, twice: once for exam-service's writes, once standing in for renewal-service's.
     */
    void importPipeline(int rows) throws Exception {
        Seeded warm = seedBookings(200);
        send(post(stack.url(Service.EXAM) + "/results/import", csv(warm.bookings()), "text/csv"));
        awaitCertified(warm.candidates(), Duration.ofSeconds(120), null, null, null);
        Seeded seeded = seedBookings(rows);
        String body = csv(seeded.bookings());
        Map<String, Long> cpuBefore = cpuByProcess();
        long start = System.nanoTime();
        send(post(stack.url(Service.EXAM) + "/results/import", body, "text/csv"));
        double imported = (System.nanoTime() - start) / 1e9;
        awaitCertified(seeded.candidates(), Duration.ofSeconds(300), null, null, null);
        double pipeline = (System.nanoTime() - start) / 1e9;
        Map<String, Long> cpuAfter = cpuByProcess();
        report.say(String.format("import of %d: answered after %.2f s, all certified after %.2f s | load %s", rows,
                imported, pipeline, Machine.loadAverage()));
        report.say(cpuPer("imported result (from the import to the last certificate)", rows, cpuBefore, cpuAfter));
        double jdbc = jdbcInsert(seedBookings(rows)) + jdbcInsert(seedBookings(rows));
        report.say(String.format("JDBC batch of the same rows, twice: %.2f s", jdbc));
        report.row(rows + "-result import → " + rows + " certifications", "seconds vs the rows inserted twice by a"
                + " JDBC batch", "≥ 0.3×", String.format("%.1f s (import answered in %.1f s) vs %.1f s", pipeline,
                        imported, jdbc), String.format("%.2f× %s", jdbc / pipeline, jdbc / pipeline >= 0.3 ? "met"
                                : "NOT met"));
    }

    private static String cpuPer(String what, int count, Map<String, Long> before, Map<String, Long> after) {
        StringBuilder cpu = new StringBuilder("CPU per " + what + ", ms:");
        before.forEach((process, used) -> cpu.append(String.format(" %s %.2f;", process,
                (after.get(process) - used) / (double) count)));
        return cpu.toString();
    }

    /**
     * CPU used so far by each service and by the whole machine; "rest" (the whole machine less the services) is
     * Kafka, PostgreSQL, this runner's poller and the system.
     */
    private Map<String, Long> cpuByProcess() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        long services = 0;
        for (Service service : Service.values()) {
            long used = Machine.cpuMillis(stack.process(service).pid());
            cpu.put(service.module(), used);
            services += used;
        }
        cpu.put("rest", Machine.machineCpuMillis() - services);
        return cpu;
    }

    private void send(HttpRequest request) throws Exception {
        HttpResponse<String> response = load.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    private static String csv(List<UUID> bookings) {
        StringBuilder csv = new StringBuilder("bookingId,scaledScore\n");
        bookings.forEach(b -> csv.append(b).append(",650\n"));
        return csv.toString();
    }

    /** Bookings of distinct candidates for a sitting that started an hour ago, written directly. */
    private Seeded seedBookings(int count) throws SQLException {
        LocalDate today = Bench.today();
        Instant now = Instant.now();
        UUID window = UUID.randomUUID();
        UUID sitting = UUID.randomUUID();
        List<UUID> bookings = new ArrayList<>(count);
        List<UUID> candidates = new ArrayList<>(count);
        try (Connection c = Bench.connect(stack, Service.EXAM)) {
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
                    UUID candidate = UUID.randomUUID();
                    bookings.add(booking);
                    candidates.add(candidate);
                    b.setObject(1, booking);
                    b.setObject(2, candidate);
                    b.setObject(3, sitting);
                    b.setObject(4, UUID.randomUUID());
                    b.setTimestamp(5, Timestamp.from(now.minusSeconds(86400)));
                    b.addBatch();
                }
                b.executeBatch();
            }
            c.commit();
        }
        return new Seeded(bookings, candidates);
    }

    /** ResultImportBenchmark's baseline: results, outbox rows and the booking update as one transaction of batches. */
    private double jdbcInsert(Seeded seeded) throws SQLException {
        LocalDate examDate = Bench.today();
        Instant now = Instant.now();
        try (Connection c = Bench.connect(stack, Service.EXAM)) {
            c.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement r = c.prepareStatement("insert into exam_result (id, booking_id, candidate_id,"
                    + " scaled_score, passed, no_show, exam_date, recorded_at) values (?, ?, ?, ?, true, false, ?, ?)");
                    PreparedStatement o = c.prepareStatement("insert into outbox_event (id, topic, event_key, type,"
                            + " source, subject, occurred_at, payload, published_at)"
                            + " values (?, ?, ?, ?, ?, ?, ?, ?, now())");
                    PreparedStatement b = c.prepareStatement(
                            "update booking set status = 'COMPLETED' where id = any(?) and status = 'BOOKED'")) {
                for (int i = 0; i < seeded.bookings().size(); i++) {
                    UUID candidate = seeded.candidates().get(i);
                    r.setObject(1, UUID.randomUUID());
                    r.setObject(2, seeded.bookings().get(i));
                    r.setObject(3, candidate);
                    r.setInt(4, 650);
                    r.setObject(5, examDate);
                    r.setTimestamp(6, Timestamp.from(now));
                    r.addBatch();
                    o.setObject(1, UUID.randomUUID());
                    o.setString(2, EventType.EXAM_PASSED.topic());
                    o.setString(3, candidate.toString());
                    o.setString(4, EventType.EXAM_PASSED.type());
                    o.setString(5, EventType.EXAM_PASSED.service().source());
                    o.setString(6, candidate.toString());
                    o.setTimestamp(7, Timestamp.from(now));
                    o.setString(8, EventCodec.toJson(new ExamPassed(candidate, seeded.bookings().get(i), examDate,
                            650, null)));
                    o.addBatch();
                    if (i % 200 == 199) {
                        r.executeBatch();
                        o.executeBatch();
                    }
                }
                r.executeBatch();
                o.executeBatch();
                b.setArray(1, c.createArrayOf("uuid", seeded.bookings().toArray()));
                b.executeUpdate();
            }
            c.commit();
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private HttpRequest post(String url, String body, String type) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + staff)
                .header("Accept", "application/json").header("Content-Type", type).timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
