package org.certboard.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
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
import org.certboard.events.EventType;

/**
 * The exam-side scenarios. Bookings and authorisations are written straight into exam-service's database (as
 * ResultImportBenchmark does): what is measured is the result, the booking race or the import, not the seeding.
 */
final class Exams {
    private final LocalStack stack;
    private final Load load;
    private final String staff;
    private final Report report;
    private final Cpu cpu;

    Exams(LocalStack stack, Load load, String staff, Report report, Cpu cpu) {
        this.stack = stack;
        this.load = load;
        this.staff = staff;
        this.report = report;
        this.cpu = cpu.only("candidate", "exam", "renewal", "kafka", Cpu.POSTGRES);
    }

    record Seeded(List<UUID> bookings, List<UUID> candidates) {
    }

    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final int WARM_UP_RATE = 50;

    /** One run of results at a rate: latency to certified, how many were, exam-service's HTTP p99, CPU per result. */
    private record ResultRun(Histogram latency, long certified, double httpP99, Cpu.Usage cpu) {
    }

    /**
     * POST /results at a constant rate, three runs on fresh bookings; each result's latency runs from its scheduled
     * send time until renewal-service has committed the certification (seen by polling its database every 5 ms: what a
     * GET would read). {@code warmUp}: first the same path at 50/s, not recorded.
     */
    void resultToCertification(int perSecond, Duration duration, boolean warmUp) throws Exception {
        report.scenario("POST /results → certification readable, " + perSecond + "/s");
        int count = (int) (perSecond * duration.toSeconds());
        String exam = stack.url(Service.EXAM);
        if (warmUp) {
            // long enough for the JIT of the three services (as the GET and POST runs)
            Seeded warm = seedBookings(WARM_UP_RATE * (int) WARM_UP.toSeconds());
            load.constantRate("results warm-up", WARM_UP_RATE, WARM_UP, 64,
                    i -> result(exam, warm.bookings().get((int) i)));
            awaitCertified(warm.candidates(), Duration.ofSeconds(60), null, null, null);
        }
        List<ResultRun> runs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            runs.add(results(exam, perSecond, duration, count, round));
        }
        Spread p50 = Spread.of(runs.stream().map(r -> r.latency().getValueAtPercentile(50) / 1000.0).toList());
        Spread p99 = Spread.of(runs.stream().map(r -> r.latency().getValueAtPercentile(99) / 1000.0).toList());
        Spread max = Spread.of(runs.stream().map(r -> r.latency().getMaxValue() / 1000.0).toList());
        Spread http = Spread.of(runs.stream().map(ResultRun::httpP99).toList());
        long worst = runs.stream().mapToLong(ResultRun::certified).min().orElse(0);
        boolean judged = perSecond >= 200;
        report.row("POST /results → certification readable", String.format("constant %d results/s for %d s, 3 runs:"
                + " p50 / p99 / max", perSecond, duration.toSeconds()), judged ? "p99 ≤ 250 ms" : "keep",
                String.format("%s / %s / %s ms", p50.format("%.0f"), p99.format("%.0f"), max.format("%.0f")),
                String.format("%d of %d certified in the worst run; HTTP p99 %s ms%s", worst, count,
                        http.format("%.0f"), judged ? p99.median() <= 250 && worst == count ? "; met" : "; NOT met"
                                : ""),
                "per result " + Cpu.Usage.median(runs.stream().map(ResultRun::cpu).toList()).compact());
    }

    private ResultRun results(String exam, int perSecond, Duration duration, int count, int round) throws Exception {
        Seeded seeded = seedBookings(count);
        Map<UUID, Long> due = new ConcurrentHashMap<>();
        Map<UUID, Long> seen = new ConcurrentHashMap<>();
        Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(5), 3);
        Thread poller = new Thread(() -> {
            try {
                awaitCertified(seeded.candidates(), duration.plusSeconds(60), due, seen, latency);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Cpu.Sample before = cpu.sample();
        poller.start();
        Instant wallStart = Instant.now();
        long start = System.nanoTime();
        long period = 1_000_000_000L / perSecond;
        Load.Run run = load.constantRate("POST /results at " + perSecond + "/s, run " + round, perSecond, duration,
                64, i -> {
                    due.put(seeded.candidates().get((int) i), start + i * period);
                    return result(exam, seeded.bookings().get((int) i));
                });
        report.say(run.summary() + " | load " + Machine.loadAverage());
        poller.join();
        Cpu.Usage used = Cpu.between(before, cpu.sample(), count);
        report.say(String.format("run %d: %d of %d certified, p50 / p99 / max %.0f / %.0f / %.0f ms; CPU per result %s",
                round, latency.getTotalCount(), count, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0, used.compact()));
        stages(seeded.candidates(), due, seen, start, wallStart);
        return new ResultRun(latency, latency.getTotalCount(), run.p(99), used);
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

    /** One burst of bookings: answers per second, whether the outcome was exact, the statuses, CPU per request. */
    private record Burst(double perSecond, boolean exact, Map<Integer, Long> statuses, Cpu.Usage cpu) {
    }

    /**
     * {@code attempts} staff bookings for different authorised candidates, all sent at once, for one sitting, three
     * times on fresh sittings; first the same bursts on sittings of their own, not recorded, for as long as the other
     * scenarios warm up ({@link Bench#WARM_UP}), so that the booking path is compiled: one burst of 500 had exam-service
     * still compiling through the recorded ones, its CPU per request falling by a third from each burst to the next.
     */
    void bookings(int attempts, int seats) throws Exception {
        report.scenario(attempts + " bookings at once for " + seats + " seats");
        long warmUntil = System.nanoTime() + Bench.WARM_UP.toNanos();
        do {
            burst(attempts, seats, false);
        } while (System.nanoTime() < warmUntil);
        List<Burst> bursts = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            bursts.add(burst(attempts, seats, true));
        }
        Spread rate = Spread.of(bursts.stream().map(Burst::perSecond).toList());
        long exact = bursts.stream().filter(Burst::exact).count();
        report.row(attempts + " concurrent bookings for " + seats + " seats", "bookings/s (answers/s), 3 bursts;"
                + " outcome", "≥ 300/s, exactly " + seats + " confirmed, rest 409, no 5xx",
                String.format("%s; statuses %s", rate.format("%.0f", "/s"), statuses(bursts)),
                (exact == bursts.size() ? "exact in each" : "NOT exact in " + (bursts.size() - exact))
                        + (rate.median() >= 300 ? ", rate met" : ", rate NOT met"),
                "per request " + Cpu.Usage.median(bursts.stream().map(Burst::cpu).toList()).compact());
    }

    /** The bursts' statuses, once when they were the same each time. */
    private static String statuses(List<Burst> bursts) {
        List<Map<Integer, Long>> each = bursts.stream().map(Burst::statuses).toList();
        return each.stream().distinct().count() == 1 ? each.get(0) + " each" : each.toString();
    }

    private Burst burst(int attempts, int seats, boolean recorded) throws Exception {
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
        Cpu.Sample before = cpu.sample();
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
        Cpu.Usage used = Cpu.between(before, cpu.sample(), attempts);
        if (!recorded) {
            report.say(String.format("bookings warm-up: statuses %s in %.2f s", statuses, seconds));
            return new Burst(attempts / seconds, false, statuses, used);
        }
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
        report.say(String.format("bookings: statuses %s, %d transport failures, %d rows, seats_booked %d, %.2f s"
                + " (%.0f/s), %s; CPU per request %s | load %s", statuses, failures, booked, seatsTaken, seconds,
                attempts / seconds, exact ? "exact" : "NOT exact", used.compact(), Machine.loadAverage()));
        return new Burst(attempts / seconds, exact, statuses, used);
    }

    /**
     * POST /results/import of {@code rows} results (-Dbench.import.size), timed from the request until renewal-service
     * has issued every certification, and on until candidate-service's timeline holds the three steps of each (sat,
     * result, certified), three times on fresh candidates; each time followed by the bare pipeline ({@link
     * BarePipeline}) on as many fresh candidates, so the two runs of a round are neighbours in time.
     */
    void importPipeline(int rows) throws Exception {
        report.scenario("import of " + rows + " results → certifications, against the bare pipeline");
        Seeded warm = seedBookings(200);
        send(post(stack.url(Service.EXAM) + "/results/import", csv(warm.bookings()), "text/csv"));
        awaitCertified(warm.candidates(), Duration.ofSeconds(120), null, null, null);
        Cpu bareSide = cpu.only("kafka", Cpu.POSTGRES).with("bare pipeline", ProcessHandle.current().pid());
        List<double[]> certboard = new ArrayList<>();
        List<BarePipeline.Timing> bareTimes = new ArrayList<>();
        List<Cpu.Usage> certboardCpu = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (BarePipeline bare = new BarePipeline(stack)) {
            Seeded bareWarm = seedBookings(200);
            report.say("bare pipeline warm-up: " + bare.run(bareWarm.bookings(), bareWarm.candidates(), bareSide));
            for (int round = 0; round < 3; round++) {
                Seeded seeded = seedBookings(rows);
                String body = csv(seeded.bookings());
                Cpu.Sample before = cpu.sample();
                long start = System.nanoTime();
                send(post(stack.url(Service.EXAM) + "/results/import", body, "text/csv"));
                double imported = (System.nanoTime() - start) / 1e9;
                awaitCertified(seeded.candidates(), Duration.ofSeconds(300), null, null, null);
                double certified = (System.nanoTime() - start) / 1e9;
                awaitTimeline(seeded.candidates(), 3L * rows, Duration.ofSeconds(300));
                double complete = (System.nanoTime() - start) / 1e9;
                Cpu.Usage used = Cpu.between(before, cpu.sample(), rows);
                report.say(String.format("import %d of %d: answered after %.2f s, all certified after %.2f s, timeline"
                        + " complete after %.2f s; CPU per result %s | load %s", round, rows, imported, certified,
                        complete, used.compact(), Machine.loadAverage()));
                Seeded bareSeeded = seedBookings(rows);
                BarePipeline.Timing timing = bare.run(bareSeeded.bookings(), bareSeeded.candidates(), bareSide);
                report.say(String.format("bare pipeline %d of %d: %s | load %s", round, rows, timing,
                        Machine.loadAverage()));
                certboard.add(new double[] { imported, certified, complete });
                bareTimes.add(timing);
                certboardCpu.add(used);
                ratios.add(timing.certified() / certified);
            }
        }
        Spread ratio = Spread.of(ratios);
        report.row(rows + "-result import → " + rows + " certifications", "seconds to the last certification, 3"
                + " rounds, vs the bare pipeline", "≥ 0.3×", String.format("%s s (timeline %s s; import answered %s s)"
                        + " vs bare %s s (timeline %s s)", seconds(certboard, 1), seconds(certboard, 2),
                        seconds(certboard, 0), Spread.of(bareTimes.stream().map(BarePipeline.Timing::certified)
                                .toList()).format("%.1f"), Spread.of(bareTimes.stream()
                                        .map(BarePipeline.Timing::complete).toList()).format("%.1f")),
                ratio.format("%.2f", "×") + " " + (ratio.median() >= 0.3 ? "met" : "NOT met"),
                "per result, to the timeline's end: certboard " + Cpu.Usage.median(certboardCpu).compact()
                        + "; bare " + Cpu.Usage.median(bareTimes.stream().map(BarePipeline.Timing::cpu).toList())
                                .compact());
    }

    private static String seconds(List<double[]> runs, int index) {
        return Spread.of(runs.stream().map(r -> r[index]).toList()).format("%.1f");
    }

    /** Waits until candidate-service's timeline holds {@code steps} steps of these candidates. */
    private void awaitTimeline(List<UUID> candidates, long steps, Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long held = 0;
        try (Connection c = Bench.connect(stack, Service.CANDIDATE);
                PreparedStatement q = c.prepareStatement(
                        "select count(*) from timeline_entry where candidate_id = any(?)")) {
            q.setArray(1, c.createArrayOf("uuid", candidates.toArray()));
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    held = rs.getLong(1);
                }
                if (held >= steps) {
                    return;
                }
                App.sleep(100);
            }
        }
        report.say("the timeline holds " + held + " of " + steps + " steps after " + timeout);
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

    /** Bookings of distinct candidates for a sitting that started an hour ago, written directly, then analysed. */
    Seeded seedBookings(int count) throws SQLException {
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
            // statistics as autovacuum would gather them within its next minute: without them the first plans of
            // both sides guess at a booking table that just grew by hundreds of thousands of rows
            c.setAutoCommit(true);
            try (Statement analyze = c.createStatement()) {
                analyze.execute("analyze booking, sitting, exam_window");
            }
        }
        return new Seeded(bookings, candidates);
    }

    private HttpRequest post(String url, String body, String type) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + staff)
                .header("Accept", "application/json").header("Content-Type", type).timeout(Duration.ofSeconds(300))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
