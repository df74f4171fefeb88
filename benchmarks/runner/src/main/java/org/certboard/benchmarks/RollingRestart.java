package org.certboard.benchmarks;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.certboard.devstack.KafkaBroker;
import org.certboard.devstack.PodSpec;
import org.certboard.devstack.Ports;
import org.certboard.devstack.PostgresServer;
import org.certboard.devstack.Service;
import org.certboard.devstack.ServiceProcess;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.events.EventType;
import org.certboard.events.Topics;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A rolling restart of every service under a steady open-model load, as a Kubernetes Deployment with two replicas
 * does it (benchmarks/rolling-restart, docs/operations.md). Two replicas of each service run behind HAProxy on the
 * API ports (as the ingress balances a Service's endpoints: health-checked on readiness, no retries). Each replica in
 * turn is replaced with the Deployment's default strategy for two replicas (maxSurge 1, maxUnavailable 0): a new
 * replica starts, is added once ready; then the old one is deleted the way the kubelet does it: its endpoint leaves
 * the balancer (after a propagation delay), preStop runs, then SIGTERM; Quarkus reports readiness DOWN for
 * quarkus.shutdown.delay, lets requests finish, consumers leave their group. The preStop command, grace period and
 * shutdown settings are read from deploy/kubernetes/base, so the figures are those of the manifests. Afterwards the
 * databases are counted: every accepted registration, booking and passing result must have been applied exactly once.
 */
public final class RollingRestart {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int REPLICAS = 2;
    /** How long after the pod's deletion its endpoint is gone from the balancer (kube-proxy / ingress lag). */
    private static final Duration ENDPOINT_LAG = Duration.ofSeconds(1);
    private static final Duration WARM_UP = Duration.ofSeconds(20);
    private static final Duration TAIL = Duration.ofSeconds(15);

    private final Path root;
    private final Path out;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final String prefix;
    private final Path haproxySocket;
    private final Map<Service, int[][]> slots = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess[]> running = new EnumMap<>(Service.class);
    private final Map<Service, Integer> frontends = new EnumMap<>(Service.class);
    private final String staff = TestTokens.token("rolling-staff", "staff");
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "load");
                t.setDaemon(true);
                return t;
            })).build();
    private final List<String> lines = new ArrayList<>();
    private final AtomicLong crashRestarts = new AtomicLong();
    /** What the rollout is doing now, written beside each failure: a failure tells which step it came with. */
    private volatile String phase = "before the first restart";
    /** Set once started, so that stopping the run (Ctrl-C included) also stops it. */
    private volatile ChildHaproxy balancer;

    private RollingRestart(Path root, Path out, KafkaBroker kafka, PostgresServer postgres, String prefix) {
        this.root = root;
        this.out = out;
        this.kafka = kafka;
        this.postgres = postgres;
        this.prefix = prefix;
        this.haproxySocket = out.resolve("haproxy.sock");
    }

    public static void main(String[] args) throws Exception {
        // The client closes an idle connection before HAProxy does (timeout http-keep-alive 10s): otherwise a request
        // sent on a connection the proxy is closing fails with no answer, a keep-alive race unrelated to the restarts
        // (seen twice in a run, outside any restart). Read once, when the first client is built.
        System.setProperty("jdk.httpclient.keepalive.timeout", "5");
        Path root = Path.of(System.getProperty("certboard.root", ".")).toAbsolutePath().normalize();
        double rate = Double.parseDouble(System.getProperty("rolling.rate", "20"));
        Path out = root.resolve("benchmarks/target/rolling-" + System.currentTimeMillis());
        Files.createDirectories(out);
        String prefix = "roll_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        KafkaBroker kafka = KafkaBroker.start(out.resolve("kafka"), Ports.free(), Ports.free());
        // as deploy/kubernetes/base/kafka-topics.yaml: six partitions a topic
        kafka.createTopics(Topics.ALL, 6);
        // a server of its own, as each service has its own database cluster in Kubernetes: up to seven replicas with
        // their pools (20 each) would exhaust a shared server's 100 connections, and other builds' tests use it too
        PostgresServer postgres = PostgresServer.embedded(out.resolve("postgres"), Ports.free(),
                Map.of("max_connections", "300"));
        RollingRestart run = new RollingRestart(root, out, kafka, postgres, prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(run::stopAll));
        try {
            run.run(rate);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(double rate) throws Exception {
        say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + Machine.memory() + ", Java "
                + System.getProperty("java.version") + "; load average at start " + Machine.loadAverage());
        for (Service service : Service.values()) {
            postgres.createDatabaseIfMissing(prefix + service.database());
            int[][] ports = new int[REPLICAS + 1][];
            for (int slot = 0; slot <= REPLICAS; slot++) {
                ports[slot] = new int[] {Ports.free(), Ports.free()};
            }
            slots.put(service, ports);
            running.put(service, new ServiceProcess[REPLICAS + 1]);
            frontends.put(service, Ports.free());
        }
        PodSpec spec = PodSpec.of(root, Service.CANDIDATE.module());
        say("from deploy/kubernetes/base: readinessProbe " + spec.readiness() + ", preStop " + spec.preStop()
                + ", terminationGracePeriodSeconds "
                + spec.gracePeriodSeconds() + ", QUARKUS_SHUTDOWN_DELAY " + spec.environment().get("QUARKUS_SHUTDOWN_DELAY")
                + ", QUARKUS_SHUTDOWN_TIMEOUT " + spec.environment().get("QUARKUS_SHUTDOWN_TIMEOUT"));
        balancer = ChildHaproxy.start(out, haproxyConfig());
        try {
            // one at a time: six JVMs starting at once on two cores make Flyway's first connection time out
            for (Service service : Service.values()) {
                for (int slot = 0; slot < REPLICAS; slot++) {
                    running.get(service)[slot] = startReady(service, slot);
                }
            }
            say("6 replicas ready behind HAProxy (" + Machine.loadAverage() + ")");
            // enough bookings and results for 30 minutes of load (a restart takes minutes on a busy machine)
            Seed seed = seed((int) (rate * 1800 / MIX.length));
            Traffic traffic = new Traffic(rate, seed);
            Thread load = new Thread(traffic::run, "scheduler");
            load.start();
            Thread.sleep(WARM_UP.toMillis());
            long beforeRestarts = traffic.unexpected();
            List<String> restarts = new ArrayList<>();
            for (Service service : Service.values()) {
                for (int replica = 0; replica < REPLICAS; replica++) {
                    restarts.add(replace(service, spec));
                }
            }
            phase = "after the last restart";
            Thread.sleep(TAIL.toMillis());
            traffic.stop();
            load.join();
            traffic.report();
            say("of them before the first restart (the machine, not the restarts): " + beforeRestarts);
            restarts.forEach(this::say);
            say("replicas started again after failing during their start: " + crashRestarts.get());
            count(traffic);
        } finally {
            balancer.stop();
        }
        String text = String.join("\n", lines);
        Files.writeString(out.resolve("results.txt"), text + "\n");
        System.out.println("[rolling] written to " + out.resolve("results.txt"));
    }

    // ------------------------------------------------------------------------------------------ replicas

    private ServiceProcess startReplica(Service service, int slot) {
        int[] ports = slots.get(service)[slot];
        Map<String, String> config = new HashMap<>(postgres.datasourceConfig(prefix + service.database()));
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.putAll(TestTokens.serviceConfig());
        config.put("certboard.credentials.generate-key", "true");
        // outside sandbox mode renewal-service must be told its public URL (the balancer's), and candidate-service the
        // key sealing webhook secrets (the sandbox profile's public one); mail is not the subject: the mock mailer
        config.put("certboard.credentials.base-url", url(Service.RENEWAL));
        config.put("certboard.webhooks.secret-key", "Y2VydGJvYXJkLXNhbmRib3gtd2ViaG9vay1rZXktMzI=");
        config.put("quarkus.mailer.mock", "true");
        // the manifests' runtime settings that shape a shutdown, from the ConfigMap the pods read
        Map<String, String> env = PodSpec.of(root, service.module()).environment();
        env.forEach((key, value) -> {
            if (key.startsWith("QUARKUS_SHUTDOWN_")) {
                config.put(key.toLowerCase().replace('_', '.'), value);
            }
        });
        return ServiceProcess.start(root, service.module(), ports[0], ports[1], Bench.KUBERNETES_JVM, config,
                out.resolve("logs").resolve(service.module() + "-" + slot + "-" + System.nanoTime() + ".log"));
    }

    /**
     * Starts a replica and waits until it is ready; one that exits during its start is started again, as the kubelet
     * restarts a crashed container (on a machine this loaded, Flyway's first connection can time out).
     */
    private ServiceProcess startReady(Service service, int slot) {
        for (int attempt = 1;; attempt++) {
            ServiceProcess replica = startReplica(service, slot);
            try {
                replica.awaitReady(Duration.ofMinutes(4));
                return replica;
            } catch (IllegalStateException e) {
                replica.close();
                if (attempt == 3) {
                    throw e;
                }
                crashRestarts.incrementAndGet();
                say(service.module() + " replica in slot " + slot + " failed to start (" + e.getMessage()
                        .lines().filter(l -> l.contains("Caused by")).findFirst().orElse("exited") + "); started again");
            }
        }
    }

    /**
     * Replaces the first running replica of {@code service}: surge (start a new one in the free slot, add it when
     * ready), then delete the old one as the kubelet does. Returns the line describing the timings.
     */
    private String replace(Service service, PodSpec spec) throws Exception {
        ServiceProcess[] replicas = running.get(service);
        int spare = -1;
        int old = -1;
        for (int slot = 0; slot <= REPLICAS; slot++) {
            if (replicas[slot] == null) {
                spare = slot;
            } else if (old < 0) {
                old = slot;
            }
        }
        long spawned = System.nanoTime();
        phase = "a new " + service.module() + " replica starting";
        ServiceProcess fresh = startReady(service, spare);
        double toReady = (System.nanoTime() - spawned) / 1e9;
        replicas[spare] = fresh;
        haproxy("set server " + service.database() + "/s" + spare + " state ready");
        awaitUp(service, spare);

        ServiceProcess leaving = replicas[old];
        phase = "an old " + service.module() + " replica deleted (endpoint removed, preStop, SIGTERM)";
        long deleted = System.nanoTime();
        int slotOfOld = old;
        Thread endpoint = new Thread(() -> {
            App.sleep(ENDPOINT_LAG.toMillis());
            haproxy("set server " + service.database() + "/s" + slotOfOld + " state maint");
        });
        endpoint.start();
        long preStopSeconds = spec.preStop().size() == 2 && spec.preStop().get(0).equals("sleep")
                ? Long.parseLong(spec.preStop().get(1)) : 0;
        Thread.sleep(preStopSeconds * 1000);
        long sigterm = System.nanoTime();
        ProcessHandle handle = ProcessHandle.of(leaving.pid()).orElseThrow();
        handle.destroy();
        boolean exited = handle.onExit().toCompletableFuture().completeOnTimeout(null,
                spec.gracePeriodSeconds() - preStopSeconds, TimeUnit.SECONDS).get() != null || !handle.isAlive();
        double stopSeconds = (System.nanoTime() - sigterm) / 1e9;
        double totalSeconds = (System.nanoTime() - deleted) / 1e9;
        if (!exited) {
            handle.destroyForcibly();
        }
        endpoint.join();
        leaving.close();
        replicas[old] = null;
        phase = "between restarts";
        return String.format("%s replica in slot %d replaced by slot %d: new replica ready %.1f s after start;"
                + " old one: SIGTERM → exit %.1f s (deletion → exit %.1f s, grace %d s)%s; load average %s",
                service.module(), old, spare, toReady, stopSeconds, totalSeconds, spec.gracePeriodSeconds(),
                exited ? "" : ", KILLED at the grace", Machine.loadAverage());
    }

    private void awaitUp(Service service, int slot) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (String row : haproxy("show stat").split("\n")) {
                String[] f = row.split(",");
                if (f.length > 17 && f[0].equals(service.database()) && f[1].equals("s" + slot) && f[17].equals("UP")) {
                    return;
                }
            }
            App.sleep(100);
        }
        throw new IllegalStateException("HAProxy never saw " + service.module() + " slot " + slot + " UP");
    }

    private String haproxyConfig() {
        StringBuilder cfg = new StringBuilder();
        cfg.append("global\n  stats socket ").append(haproxySocket).append(" mode 600 level admin\n  maxconn 4000\n")
                // the client sees every failure: no retries, no redispatch (a connection refused is a 503 here)
                .append("defaults\n  mode http\n  retries 0\n  timeout connect 2s\n  timeout client 120s\n")
                .append("  timeout server 120s\n  timeout http-keep-alive 10s\n");
        for (Service service : Service.values()) {
            String name = service.database();
            cfg.append("frontend ").append(name).append("\n  bind 127.0.0.1:").append(frontends.get(service))
                    .append("\n  default_backend ").append(name).append('\n');
            // checked as the manifest's readinessProbe checks (period, timeout, failures before DOWN)
            PodSpec.Readiness probe = PodSpec.of(root, service.module()).readiness();
            cfg.append("backend ").append(name).append("\n  balance roundrobin\n")
                    .append("  option httpchk GET /q/health/ready\n  http-check expect status 200\n")
                    .append("  timeout check ").append(probe.timeoutSeconds()).append("s\n  default-server inter ")
                    .append(probe.periodSeconds()).append("s fall ").append(probe.failureThreshold())
                    .append(" rise 1\n");
            int[][] ports = slots.get(service);
            for (int slot = 0; slot <= REPLICAS; slot++) {
                cfg.append("  server s").append(slot).append(" 127.0.0.1:").append(ports[slot][0]).append(" check port ")
                        .append(ports[slot][1]).append(slot == REPLICAS ? " disabled" : "").append('\n');
            }
        }
        return cfg.toString();
    }

    /** One command on HAProxy's runtime API (its admin socket); its answer. */
    private synchronized String haproxy(String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(haproxySocket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
            StringBuilder answer = new StringBuilder();
            while (channel.read(buffer) > 0) {
                buffer.flip();
                answer.append(StandardCharsets.UTF_8.decode(buffer));
                buffer.clear();
            }
            return answer.toString();
        } catch (IOException e) {
            throw new IllegalStateException("HAProxy's runtime API: " + command, e);
        }
    }

    private void stopAll() {
        if (balancer != null) {
            balancer.stop();
        }
        running.values().forEach(replicas -> {
            for (ServiceProcess replica : replicas) {
                if (replica != null) {
                    replica.close();
                }
            }
        });
        kafka.stop();
        // its own server: its data stays in the run's folder under benchmarks/target, nothing to drop
        postgres.close();
    }

    /** HAProxy in the foreground, as a child of this JVM. */
    private record ChildHaproxy(Process process) {
        static ChildHaproxy start(Path out, String config) throws IOException {
            Path file = out.resolve("haproxy.cfg");
            Files.writeString(file, config);
            Process process = new ProcessBuilder("haproxy", "-db", "-f", file.toString()).redirectErrorStream(true)
                    .redirectOutput(out.resolve("haproxy.log").toFile()).start();
            Path socket = out.resolve("haproxy.sock");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!Files.exists(socket)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("HAProxy did not start; see " + out.resolve("haproxy.log"));
                }
                App.sleep(50);
            }
            return new ChildHaproxy(process);
        }

        void stop() {
            process.destroy();
        }
    }

    // ------------------------------------------------------------------------------------------ seed and load

    /** Authorised candidates with a sitting ahead (bookings) and bookings of a sitting an hour ago (results). */
    private record Seed(UUID sitting, List<UUID> authorised, List<UUID> resultBookings, List<UUID> resultCandidates) {
    }

    private Seed seed(int count) throws SQLException {
        LocalDate today = Bench.today();
        Instant now = Instant.now();
        UUID window = UUID.randomUUID();
        UUID future = UUID.randomUUID();
        UUID past = UUID.randomUUID();
        List<UUID> authorised = new ArrayList<>();
        List<UUID> bookings = new ArrayList<>();
        List<UUID> candidates = new ArrayList<>();
        try (Connection c = postgres.connect(prefix + Service.EXAM.database())) {
            c.setAutoCommit(false);
            try (PreparedStatement w = c.prepareStatement(
                    "insert into exam_window (id, name, opens_on, closes_on) values (?, 'rolling', ?, ?)");
                    PreparedStatement s = c.prepareStatement("insert into sitting (id, window_id, site, starts_at,"
                            + " capacity, seats_booked) values (?, ?, 'Rolling', ?, ?, ?)");
                    PreparedStatement a = c.prepareStatement("insert into authorisation (candidate_id,"
                            + " application_id, status, authorised_until, decided_at) values (?, ?, 'APPROVED', ?, ?)");
                    PreparedStatement b = c.prepareStatement("insert into booking (id, candidate_id, sitting_id,"
                            + " application_id, status, deferred, booked_at) values (?, ?, ?, ?, 'BOOKED', false, ?)")) {
                w.setObject(1, window);
                w.setObject(2, today.minusDays(10));
                w.setObject(3, today.plusDays(60));
                w.executeUpdate();
                s.setObject(1, future);
                s.setObject(2, window);
                s.setTimestamp(3, Timestamp.from(today.plusDays(30).atTime(LocalTime.of(9, 0)).atZone(Bench.ZONE)
                        .toInstant()));
                s.setInt(4, count);
                s.setInt(5, 0);
                s.executeUpdate();
                s.setObject(1, past);
                s.setTimestamp(3, Timestamp.from(now.minusSeconds(3600)));
                s.setInt(5, count);
                s.executeUpdate();
                for (int i = 0; i < count; i++) {
                    UUID candidate = UUID.randomUUID();
                    authorised.add(candidate);
                    a.setObject(1, candidate);
                    a.setObject(2, UUID.randomUUID());
                    a.setObject(3, today.plusYears(1));
                    a.setTimestamp(4, Timestamp.from(now));
                    a.addBatch();
                    UUID booking = UUID.randomUUID();
                    UUID examinee = UUID.randomUUID();
                    bookings.add(booking);
                    candidates.add(examinee);
                    b.setObject(1, booking);
                    b.setObject(2, examinee);
                    b.setObject(3, past);
                    b.setObject(4, UUID.randomUUID());
                    b.setTimestamp(5, Timestamp.from(now.minusSeconds(86400)));
                    b.addBatch();
                }
                a.executeBatch();
                b.executeBatch();
            }
            c.commit();
        }
        return new Seed(future, authorised, bookings, candidates);
    }

    private enum Kind {
        READ, REGISTER, BOOK, RESULT
    }

    /** The mix, repeated: half reads, the rest registrations, bookings and passing results in equal parts. */
    private static final Kind[] MIX = {Kind.READ, Kind.REGISTER, Kind.READ, Kind.BOOK, Kind.READ, Kind.RESULT};

    /**
     * The open model: request i is due at start + i/rate whatever became of earlier ones (at most 256 outstanding;
     * a request waiting for that is late, and its lateness counts in its latency).
     */
    private final class Traffic {
        private final double rate;
        private final Seed seed;
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final Map<Kind, Map<Integer, AtomicLong>> statuses = new EnumMap<>(Kind.class);
        private final Map<Kind, Histogram> latency = new EnumMap<>(Kind.class);
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();
        private final Map<Kind, AtomicLong> cursor = new EnumMap<>(Kind.class);
        final Queue<String> registered = new ConcurrentLinkedQueue<>();
        final Queue<UUID> booked = new ConcurrentLinkedQueue<>();
        final Queue<UUID> passed = new ConcurrentLinkedQueue<>();
        private final Semaphore outstanding = new Semaphore(256);
        private final String run = UUID.randomUUID().toString().substring(0, 8);
        private volatile Instant started;

        Traffic(double rate, Seed seed) {
            this.rate = rate;
            this.seed = seed;
            for (Kind kind : Kind.values()) {
                statuses.put(kind, new ConcurrentHashMap<>());
                latency.put(kind, new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(5), 3));
                cursor.put(kind, new AtomicLong());
            }
        }

        void run() {
            started = Instant.now();
            long start = System.nanoTime();
            long period = (long) (1e9 / rate);
            for (long i = 0; !stopped.get(); i++) {
                long due = start + i * period;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                Kind kind = MIX[(int) (i % MIX.length)];
                long n = cursor.get(kind).getAndIncrement();
                if ((kind == Kind.BOOK && n >= seed.authorised().size())
                        || (kind == Kind.RESULT && n >= seed.resultBookings().size())) {
                    // reported with the failures: the load stopped early, so the run does not count as clean
                    failures.add(Instant.now() + " the seeded " + kind + " requests ran out; the load stopped");
                    statuses.get(kind).computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                    break;
                }
                HttpRequest request = request(kind, n);
                outstanding.acquireUninterruptibly();
                http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                    latency.get(kind).recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
                    if (failure != null) {
                        statuses.get(kind).computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
                        failures.add(Instant.now() + " " + kind + " " + failure + " [" + phase + "]");
                    } else {
                        int status = response.statusCode();
                        statuses.get(kind).computeIfAbsent(status, k -> new AtomicLong()).incrementAndGet();
                        if (status >= 500) {
                            failures.add(Instant.now() + " " + kind + " " + status + " " + response.body().strip()
                                    + " [" + phase + "]");
                        }
                        accepted(kind, n, status, response.body());
                    }
                    outstanding.release();
                });
            }
            outstanding.acquireUninterruptibly(256);
        }

        private void accepted(Kind kind, long n, int status, String body) {
            if (status != 201 && status != 200) {
                return;
            }
            switch (kind) {
                case REGISTER -> {
                    try {
                        registered.add(JSON.readTree(body).path("id").asText());
                    } catch (IOException e) {
                        failures.add("unreadable registration answer " + body);
                    }
                }
                case BOOK -> booked.add(seed.authorised().get((int) n));
                case RESULT -> passed.add(seed.resultCandidates().get((int) n));
                default -> {
                }
            }
        }

        private HttpRequest request(Kind kind, long n) {
            return switch (kind) {
                case READ -> {
                    List<String> ids = new ArrayList<>(registered);
                    String id = ids.isEmpty() ? UUID.randomUUID().toString() : ids.get((int) (n % ids.size()));
                    yield HttpRequest.newBuilder(URI.create(url(Service.CANDIDATE) + "/candidates/" + id))
                            .header("Authorization", "Bearer " + staff).header("Accept", "application/json")
                            .timeout(Duration.ofSeconds(60)).GET().build();
                }
                case REGISTER -> post(url(Service.CANDIDATE) + "/candidates", String.format("{\"givenName\":\"Rolling\","
                        + "\"familyName\":\"Restart%d\",\"email\":\"r%d.%s@rolling.example\",\"dateOfBirth\":"
                        + "\"1984-03-09\"}", n, n, run));
                case BOOK -> post(url(Service.EXAM) + "/bookings", "{\"candidateId\":\"" + seed.authorised().get((int) n)
                        + "\",\"sittingId\":\"" + seed.sitting() + "\"}");
                case RESULT -> post(url(Service.EXAM) + "/results", "{\"bookingId\":\""
                        + seed.resultBookings().get((int) n) + "\",\"scaledScore\":650}");
            };
        }

        private HttpRequest post(String url, String json) {
            return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + staff)
                    .header("Accept", "application/json").header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(json)).build();
        }

        void stop() {
            stopped.set(true);
        }

        long unexpected() {
            return statuses.values().stream().flatMap(m -> m.entrySet().stream())
                    .filter(e -> e.getKey() < 200 || e.getKey() >= 500).mapToLong(e -> e.getValue().get()).sum();
        }

        void report() {
            double seconds = Duration.between(started, Instant.now()).toMillis() / 1000.0;
            say(String.format("load: %.0f requests/s for %.0f s (open model; mix %s)", rate, seconds,
                    List.of(MIX)));
            for (Kind kind : Kind.values()) {
                Map<Integer, Long> byStatus = new TreeMap<>();
                statuses.get(kind).forEach((s, c) -> byStatus.put(s, c.get()));
                Histogram h = latency.get(kind);
                say(String.format("  %-8s statuses %s (-1: no answer); latency p50 %.0f ms, p99 %.0f ms, max %.0f ms",
                        kind, byStatus, h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                        h.getMaxValue() / 1000.0));
            }
            say("answers other than 2xx/4xx seen by callers (5xx, no answer): " + unexpected());
            failures.stream().limit(20).forEach(f -> say("  " + f));
        }
    }

    private String url(Service service) {
        return "http://127.0.0.1:" + frontends.get(service);
    }

    // ------------------------------------------------------------------------------------------ counting

    /**
     * Waits until the consumers have caught up (or 120 s), then counts per accepted request what was applied: one
     * certification per passing result, one timeline entry per registration and per booking (candidate-service's
     * timeline consumes every topic), one candidate in renewal-service's projection per registration. Certifications
     * and the events behind timeline steps are counted by candidate, so an event applied twice (or published twice under
     * two ids) shows.
     */
    private void count(Traffic traffic) throws Exception {
        List<UUID> registered = traffic.registered.stream().map(UUID::fromString).toList();
        List<UUID> booked = List.copyOf(traffic.booked);
        List<UUID> passed = List.copyOf(traffic.passed);
        Map<String, long[]> tally = new LinkedHashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        do {
            tally.put("passing result → certification (renewal)", perCandidate(Service.RENEWAL,
                    "select candidate_id, count(*) from certification where candidate_id = any(?) group by 1", passed));
            tally.put("registration → timeline entry (candidate)", perCandidate(Service.CANDIDATE,
                    "select candidate_id, count(distinct event_id) from timeline_entry where candidate_id = any(?)"
                            + " and event_id in"
                            + " (select id from outbox_event where type = '" + EventType.CANDIDATE_REGISTERED.type()
                            + "') group by 1", registered));
            tally.put("registration → candidate projection (renewal)", perCandidate(Service.RENEWAL,
                    "select candidate_id, count(*) from candidate where candidate_id = any(?) group by 1", registered));
            tally.put("booking → ExamBooked timeline entry (candidate)", perCandidate(Service.CANDIDATE,
                    "select candidate_id, count(distinct event_id) from timeline_entry where candidate_id = any(?)"
                            + " and service = 'exam' group by 1", booked));
            if (tally.values().stream().allMatch(t -> t[0] == 0)) {
                break;
            }
            App.sleep(1000);
        } while (System.nanoTime() < deadline);
        long lost = 0;
        long twice = 0;
        for (Map.Entry<String, long[]> t : tally.entrySet()) {
            say(String.format("  %-50s accepted %d, missing %d, applied more than once %d", t.getKey(), t.getValue()[2],
                    t.getValue()[0], t.getValue()[1]));
            lost += t.getValue()[0];
            twice += t.getValue()[1];
        }
        say("events lost: " + lost + ", applied twice: " + twice);
        say(String.format("longest gap between certifications while results arrived: %.1f s", longestGap(passed)));
        say("load average at end " + Machine.loadAverage());
    }

    /** {missing, more than once, expected} for the ids, from a query returning (id, count). */
    private long[] perCandidate(Service service, String sql, List<UUID> ids) throws SQLException {
        Map<UUID, Long> counts = new HashMap<>();
        try (Connection c = postgres.connect(prefix + service.database()); PreparedStatement q = c.prepareStatement(sql)) {
            Array array = c.createArrayOf("uuid", ids.toArray());
            q.setArray(1, array);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    counts.put((UUID) rs.getObject(1), rs.getLong(2));
                }
            }
        }
        long missing = ids.stream().filter(id -> !counts.containsKey(id)).count();
        long twice = counts.values().stream().filter(n -> n > 1).count();
        return new long[] {missing, twice, ids.size()};
    }

    /** The longest time between two consecutive CertificationIssued outbox rows (written with each certification). */
    private double longestGap(List<UUID> passed) throws SQLException {
        List<Instant> times = new ArrayList<>();
        try (Connection c = postgres.connect(prefix + Service.RENEWAL.database());
                PreparedStatement q = c.prepareStatement("select created_at from outbox_event where type = ?"
                        + " and event_key = any(?) order by created_at")) {
            q.setString(1, EventType.CERTIFICATION_ISSUED.type());
            q.setArray(2, c.createArrayOf("text", passed.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    times.add(rs.getTimestamp(1).toInstant());
                }
            }
        }
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, Duration.between(times.get(i - 1), times.get(i)).toMillis());
        }
        return longest / 1000.0;
    }

    private void say(String line) {
        System.out.println("[rolling] " + line);
        synchronized (lines) {
            lines.add(line);
        }
    }
}
