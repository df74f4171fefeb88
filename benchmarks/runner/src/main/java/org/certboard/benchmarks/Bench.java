package org.certboard.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Ports;
import org.certboard.devstack.Service;
import org.certboard.devstack.ServiceProcess;
import org.certboard.devstack.testing.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs every certboard benchmark in one go (benchmarks/run) and prints the table of docs/benchmarks.md: the packaged
 * services as the local stack starts them (isolated: free ports, databases of their own, trusting the test tokens),
 * beside the bare baselines of this module, all with the JVM flags of the Kubernetes deployment.
 */
public final class Bench {
    /**
     * The JVM of deploy/kubernetes: the ubi9 OpenJDK 17 runtime image's run-java defaults (parallel GC and its
     * tuning), the manifests' JAVA_OPTS_APPEND (-XX:MaxRAMPercentage=75) and their 512Mi memory limit (MaxRAM stands
     * in for the container's limit), C2 on. No CPU limit: the JVM sees the machine's cores.
     */
    static final List<String> KUBERNETES_JVM = List.of("-XX:MaxRAM=512m", "-XX:MaxRAMPercentage=75",
            "-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4",
            "-XX:AdaptiveSizePolicyWeight=90", "-XX:+ExitOnOutOfMemoryError");
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path out;
    private final LocalStack stack;
    private final Load load = new Load(4);
    private final String staff = TestTokens.token("bench-staff", "staff");
    private final Report report;
    private final Set<String> only;

    private Bench(Path root, Path out, LocalStack stack, Report report, Set<String> only) {
        this.root = root;
        this.out = out;
        this.stack = stack;
        this.report = report;
        this.only = only;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("certboard.root", ".")).toAbsolutePath().normalize();
        Set<String> only = Set.of(System.getProperty("bench.only", "startup,get,post,results,bookings,import")
                .split(","));
        Path out = root.resolve("benchmarks/target/run-" + System.currentTimeMillis());
        Files.createDirectories(out);
        Report report = new Report();
        report.say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + Machine.memory()
                + ", Java " + System.getProperty("java.version") + "; load average at start " + Machine.loadAverage());
        String prefix = "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Map<String, String> serviceConfig = new HashMap<>(TestTokens.serviceConfig());
        serviceConfig.putAll(extraServiceConfig(System.getProperty("bench.config", "")));
        if (serviceConfig.size() > TestTokens.serviceConfig().size()) {
            report.say("services configured with " + System.getProperty("bench.config"));
        }
        LocalStack.Options options = LocalStack.Options.isolated(root, out.resolve("stack"), prefix)
                .withServiceJvm(KUBERNETES_JVM).withExtraConfig(serviceConfig);
        LocalStack stack = LocalStack.start(options, line -> System.out.println("[bench] " + line));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.close();
            for (Service service : Service.values()) {
                stack.postgres().dropDatabase(stack.database(service));
            }
        }));
        Bench bench = new Bench(root, out, stack, report, only);
        bench.runAll();
        report.say("load average at end " + Machine.loadAverage());
        String table = report.render();
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table);
        System.out.println("[bench] written to " + out.resolve("results.md"));
        System.exit(0);
    }

    /**
     * {@code -Dbench.config=key=value;key=value}: configuration given to every service, or to one as
     * {@code <module>/key=value}, to measure a setting against the committed one in back-to-back runs (e.g.
     * {@code renewal-service/mp.messaging.incoming.exam-events.concurrency=1}).
     */
    private static Map<String, String> extraServiceConfig(String spec) {
        Map<String, String> config = new LinkedHashMap<>();
        for (String entry : spec.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                config.put(entry.substring(0, eq).trim(), entry.substring(eq + 1).trim());
            }
        }
        return config;
    }

    /**
     * The exam-side scenarios run before the registrations: POST /candidates leaves tens of thousands of
     * CandidateRegistered events for exam-service's and renewal-service's consumers, whose backlog would otherwise
     * compete with the result-to-certification path being measured.
     */
    private void runAll() throws Exception {
        if (only.contains("startup")) {
            startup();
        }
        Exams exams = new Exams(stack, load, staff, report);
        if (only.contains("results")) {
            // -Dbench.results-rates=50 runs only the first, when the machine is too loaded for the second
            List<String> rates = List.of(System.getProperty("bench.results-rates", "50,200").split(","));
            if (rates.contains("50")) {
                exams.resultToCertification(50, Duration.ofSeconds(20));
            }
            if (rates.contains("200")) {
                exams.resultToCertification(200, Duration.ofSeconds(15));
            }
        }
        if (only.contains("bookings")) {
            exams.bookings(500, 50);
        }
        if (only.contains("import")) {
            exams.importPipeline(10_000);
        }
        if (only.contains("get") || only.contains("post")) {
            try (App bare = startBare()) {
                if (only.contains("get")) {
                    readProfile(bare);
                }
                if (only.contains("post")) {
                    register(bare);
                }
            }
        }
    }

    // ---------------------------------------------------------------- start-up and memory

    private void startup() {
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        for (String flags : List.of("kubernetes", "kubernetes", "local")) {
            List<String> jvm = flags.equals("local") ? ServiceProcess.LOCAL_JVM : KUBERNETES_JVM;
            for (String app : List.of("empty-app", "candidate-service", "exam-service", "renewal-service")) {
                double[] measured = startOnce(app, jvm);
                figures.computeIfAbsent(app + " (" + flags + ")", k -> new ArrayList<>()).add(measured);
                report.say(String.format("start %s with %s flags: ready after %.0f ms (Quarkus: started in %.0f ms),"
                        + " %d MiB RSS", app, flags, measured[0], measured[1], (long) measured[2]));
            }
        }
        for (String flags : List.of("kubernetes", "local")) {
            double[] empty = best(figures.get("empty-app (" + flags + ")"));
            report.row("empty quarkus-rest app, " + flags + " flags", "time to ready / RSS", "",
                    String.format("%.2f s / %d MiB", empty[0] / 1000, (long) empty[2]), "(baseline)");
            for (Service service : Service.values()) {
                double[] s = best(figures.get(service.module() + " (" + flags + ")"));
                report.row(service.module() + ", " + flags + " flags", "time to ready / RSS vs empty app",
                        flags.equals("kubernetes") ? "≤ 2× each" : "(reported)",
                        String.format("%.2f s / %d MiB", s[0] / 1000, (long) s[2]),
                        String.format("%.1f× / %.1f×", s[0] / empty[0], s[2] / empty[2]));
            }
        }
    }

    /** The fastest of the runs (the least disturbed by the other builds on the machine), RSS of the same run. */
    private static double[] best(List<double[]> runs) {
        return runs.stream().min((a, b) -> Double.compare(a[0], b[0])).orElseThrow();
    }

    /** ready ms, Quarkus started ms, RSS MiB when ready. */
    private double[] startOnce(String app, List<String> jvm) {
        Path log = out.resolve("logs").resolve(app + "-" + System.nanoTime() + ".log");
        if (app.equals("empty-app")) {
            try (App empty = App.start(app, root.resolve("benchmarks/empty-app/target/quarkus-app/quarkus-run.jar"),
                    jvm, Map.of(), log)) {
                double ready = empty.awaitOk(empty.baseUrl() + "/hello", null, Duration.ofSeconds(120));
                return new double[] { ready, empty.quarkusStartedMillis(), empty.rssMiB() };
            }
        }
        Service service = Service.valueOf(app.substring(0, app.indexOf('-')).toUpperCase());
        Map<String, String> config = new HashMap<>(stack.serviceConfig(service));
        int management = Ports.free();
        config.put("quarkus.management.port", Integer.toString(management));
        try (App instance = App.start(app, root.resolve(app).resolve("target/quarkus-app/quarkus-run.jar"), jvm,
                config, log)) {
            double ready = instance.awaitOk("http://127.0.0.1:" + management + "/q/health/ready", null,
                    Duration.ofSeconds(180));
            return new double[] { ready, instance.quarkusStartedMillis(), instance.rssMiB() };
        }
    }

    // ---------------------------------------------------------------- GET /candidates/{id} and POST /candidates

    private App startBare() {
        Map<String, String> config = new HashMap<>(TestTokens.serviceConfig());
        String database = stack.database(Service.CANDIDATE);
        config.put("quarkus.datasource.reactive.url", stack.postgres().reactiveUrl(database));
        config.put("quarkus.datasource.username", stack.postgres().user());
        if (stack.postgres().password() != null) {
            config.put("quarkus.datasource.password", stack.postgres().password());
        }
        App bare = App.start("bare-app", root.resolve("benchmarks/bare-app/target/quarkus-app/quarkus-run.jar"),
                KUBERNETES_JVM, config, out.resolve("logs/bare-app.log"));
        // an unknown id answers 404 once the app is up, the token trusted and the database reachable
        awaitStatus(bare.baseUrl() + "/candidates/" + UUID.randomUUID(), 404);
        return bare;
    }

    private void awaitStatus(String url, int status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (load.http().send(get(url), HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            App.sleep(50);
        }
        throw new IllegalStateException(url + " did not answer " + status);
    }

    private void readProfile(App bare) throws Exception {
        String candidate = stack.url(Service.CANDIDATE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(seedProfile(candidate, i));
        }
        report.say("seeded 100 profiles (licence, experience, approved application) through candidate-service");
        compare("GET /candidates/{id} (5 reads)", "≥ 0.7× bare", bare.baseUrl(), candidate,
                base -> i -> get(base + "/candidates/" + ids.get((int) (i % ids.size()))), 0.7);
    }

    private void register(App bare) throws Exception {
        String candidate = stack.url(Service.CANDIDATE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        // one sequence over every run, both sides: each registration has an email of its own
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        compare("POST /candidates (insert + outbox, relay and consumers running)", "≥ 0.5× bare insert",
                bare.baseUrl(), candidate, base -> i -> {
                    long n = sequence.incrementAndGet();
                    return post(base + "/candidates", String.format("{\"givenName\":\"Bench\",\"familyName\":"
                            + "\"Mark%d\",\"email\":\"b%d.%s@bench.example\",\"dateOfBirth\":\"1984-03-09\"}", n, n,
                            run));
                }, 0.5);
    }

    /**
     * Saturates both sides with 16 connections, alternating (bare, certboard, bare, certboard) after a warm-up of each,
     * for the throughput ratio; then drives both at the same constant rate (half of what certboard sustained) for
     * the latency under an open model.
     */
    private void compare(String work, String goal, String bareUrl, String certboardUrl,
            java.util.function.Function<String, LongFunction<HttpRequest>> requests, double target) {
        LongFunction<HttpRequest> bare = requests.apply(bareUrl);
        LongFunction<HttpRequest> certboard = requests.apply(certboardUrl);
        Duration warmUp = Duration.ofSeconds(15);
        Duration measure = Duration.ofSeconds(8);
        report.say(load.saturate("warm-up bare", warmUp, 16, bare).summary());
        report.say(load.saturate("warm-up certboard", warmUp, 16, certboard).summary());
        List<Double> ratios = new ArrayList<>();
        List<Double> bareRates = new ArrayList<>();
        List<Double> certboardRates = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            Load.Run bareRun = load.saturate("bare " + round, measure, 16, bare);
            report.say(bareRun.summary() + " | load " + Machine.loadAverage());
            Load.Run certboardRun = load.saturate("certboard " + round, measure, 16, certboard);
            report.say(certboardRun.summary() + " | load " + Machine.loadAverage());
            requireNoFailures(bareRun);
            requireNoFailures(certboardRun);
            bareRates.add(bareRun.perSecond());
            certboardRates.add(certboardRun.perSecond());
            ratios.add(certboardRun.perSecond() / bareRun.perSecond());
        }
        // each round's two runs are neighbours in time: the median of their ratios is what the shared machine
        // disturbs least
        double ratio = median(ratios);
        double bareRate = median(bareRates);
        double certboardRate = median(certboardRates);
        double rate = Math.max(20, Math.round(certboardRate / 2 / 10) * 10);
        Load.Run bareOpen = load.constantRate("bare at " + rate + "/s", rate, measure, 64, bare);
        report.say(bareOpen.summary());
        Load.Run certboardOpen = load.constantRate("certboard at " + rate + "/s", rate, measure, 64, certboard);
        report.say(certboardOpen.summary());
        requireNoFailures(certboardOpen);
        if (Boolean.getBoolean("bench.jfr")) {
            profile(work, certboard);
        }
        report.row(work, "throughput, 16 connections (closed)", goal,
                String.format("%.0f vs %.0f req/s (medians)", certboardRate, bareRate),
                String.format("%.2f× %s (median of rounds %s)", ratio, ratio >= target ? "met" : "NOT met",
                        ratios.stream().map(r -> String.format("%.2f", r)).toList()));
        report.row(work, String.format("constant %.0f req/s: p50 / p99 / max", rate), "(reported)",
                String.format("%.1f / %.1f / %.0f ms", certboardOpen.p(50), certboardOpen.p(99), certboardOpen.max()),
                String.format("bare %.1f / %.1f / %.0f ms", bareOpen.p(50), bareOpen.p(99), bareOpen.max()));
    }

    /** A further saturated run of candidate-service under JDK Flight Recorder; its top frames go to the log. */
    private void profile(String work, LongFunction<HttpRequest> certboard) {
        Profile profile;
        try {
            profile = Profile.start(stack.process(Service.CANDIDATE).pid(),
                out.resolve("candidate-service-" + (work.startsWith("GET") ? "get" : "post") + ".jfr"));
        } catch (IOException e) {
            report.say("JFR could not start: " + e);
            return;
        }
        report.say(load.saturate("certboard under JFR", Duration.ofSeconds(15), 16, certboard).summary());
        try {
            report.say("JFR, candidate-service, " + work + ": " + profile.stop(15));
        } catch (IOException e) {
            report.say("JFR summary failed: " + e);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void requireNoFailures(Load.Run run) {
        if (run.errors() > 0 || run.statuses().keySet().stream().anyMatch(s -> s >= 400)) {
            throw new IllegalStateException("failed requests in " + run.summary());
        }
    }

    private String seedProfile(String candidate, int i) throws Exception {
        LocalDate today = LocalDate.now(ZONE);
        String id = send(post(candidate + "/candidates", String.format("{\"givenName\":\"Read\",\"familyName\":"
                + "\"Profile%d\",\"email\":\"read%d.%s@bench.example\",\"dateOfBirth\":\"1984-03-09\"}", i, i,
                UUID.randomUUID().toString().substring(0, 8))), 201).path("id").asText();
        send(post(candidate + "/candidates/" + id + "/licences", String.format("{\"type\":\"RN\",\"number\":\"RN-%s\","
                + "\"jurisdiction\":\"NY\",\"expiresOn\":\"%s\",\"independentPractice\":true}", id.substring(0, 8),
                today.plusYears(12))), 201);
        LocalDate end = today.minusMonths(1);
        send(post(candidate + "/candidates/" + id + "/experience", String.format("{\"employer\":\"Hudson Valley Care"
                + " Partners\",\"role\":\"CASE_MANAGER\",\"startDate\":\"%s\",\"endDate\":\"%s\",\"hoursPerWeek\":40,"
                + "\"supervisedByCertifiedCaseManager\":false}", end.minusMonths(30), end)), 201);
        send(post(candidate + "/candidates/" + id + "/application", "{\"attestation\":true}"), 201);
        return id;
    }

    private HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + staff)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(60)).GET().build();
    }

    HttpRequest post(String url, String json) {
        return post(url, json, "application/json");
    }

    HttpRequest post(String url, String body, String type) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + staff)
                .header("Accept", "application/json").header("Content-Type", type).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private JsonNode send(HttpRequest request, int expected) throws Exception {
        HttpResponse<String> response = load.http().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    static Connection connect(LocalStack stack, Service service) throws SQLException {
        return stack.postgres().connect(stack.database(service));
    }

    static LocalDate today() {
        return ZonedDateTime.now(ZONE).toLocalDate();
    }
}
