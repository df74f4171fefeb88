package org.certboard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.certboard.devstack.AotCache;
import org.certboard.devstack.AotTraining;
import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Ports;
import org.certboard.devstack.PostgresServer;
import org.certboard.devstack.Service;
import org.certboard.devstack.ServiceProcess;
import org.certboard.devstack.TrainingStack;
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
     * The JVM of deploy/kubernetes: the ubi9 OpenJDK runtime image's run-java defaults (parallel GC and its tuning),
     * then the manifests' JAVA_OPTS_APPEND, which run-java puts after them (so its collector goals win), and their
     * 512Mi memory limit (MaxRAM stands in for the container's limit), C2 on. No CPU limit: the JVM sees the machine's
     * cores. {@code -Dbench.jvm=-XX:...} (space-separated) adds flags to every app's, to measure one against these.
     */
    static final List<String> KUBERNETES_JVM = Stream.concat(Stream.of("-XX:MaxRAM=512m",
            "-XX:+UseParallelGC", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=20", "-XX:GCTimeRatio=4",
            "-XX:AdaptiveSizePolicyWeight=90", "-XX:+ExitOnOutOfMemoryError",
            "-XX:MaxRAMPercentage=75", "-XX:GCTimeRatio=19", "-XX:MaxHeapFreeRatio=40"),
            Stream.of(System.getProperty("bench.jvm", "").split(" ")).filter(flag -> !flag.isBlank())).toList();
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** ms of CPU per second below which the stack counts as idle between scenarios ({@link #settle}). */
    private static final double SETTLED = 300;
    /**
     * How long a scenario warms what it measures before its recorded runs, so that they meet compiled code: the
     * bookings' bursts this long, a saturated row at least this long ({@link #warmUp}). {@code -Dbench.warm-up=<s>}.
     */
    static final Duration WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up", 15));
    /**
     * How long a saturated row warms each side at least ({@link #warmUp}), {@code -Dbench.warm-up.saturated=<s>}. On a
     * stack started just before, registrations rose in two steps: to a plateau of 1,100-1,400/s within a minute, where
     * the rule below stopped, then to 1,600-1,850/s after about three (docs/benchmarks.md, "Registrations warmed
     * longer").
     */
    private static final Duration SATURATED_WARM_UP = Duration.ofSeconds(Long.getLong("bench.warm-up.saturated",
            Math.max(180, WARM_UP.toSeconds())));
    /**
     * How long a saturated warm-up ({@link #warmUp}) may go on while its rate still rises: a service started just
     * before compiles its paths for minutes when it shares two cores with the rest of the stack.
     */
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(Long.getLong("bench.warm-up.limit", 300));
    private static final Duration WARM_UP_BURST = Duration.ofSeconds(5);
    /**
     * A warm-up compares the mean rate of its last six bursts with that of the six before: over three bursts, a cold
     * stack's rate went up and down by more than it rose, and three warm-ups of four stopped at a third of their rate.
     */
    private static final int WINDOW = 6;
    /** A warm-up is over when its rate rose by less than this from one window to the next. */
    private static final double STEADY = 1.05;
    /** Recorded rounds whose rate rose by more than this from the first to the last were still warming. */
    private static final double RISING = 1.1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;
    private final Path out;
    private final LocalStack stack;
    private final Load load = new Load(4);
    private final String staff = TestTokens.token("bench-staff", "staff");
    private final Report report;
    private final Set<String> only;
    private final Cpu cpu;

    private Bench(Path root, Path out, LocalStack stack, Report report, Set<String> only) {
        this.root = root;
        this.out = out;
        this.stack = stack;
        this.report = report;
        this.only = only;
        this.cpu = Cpu.of(stack);
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("certboard.root", ".")).toAbsolutePath().normalize();
        Set<String> only = Set.of(System.getProperty("bench.only",
                "idle,startup,get,post,resultpost,results,bookings,import").split(","));
        Path out = root.resolve("benchmarks/target/run-" + System.currentTimeMillis());
        Files.createDirectories(out);
        Report report = new Report(Machine.loadOneMinute());
        report.say("machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + Machine.memory()
                + ", Java " + System.getProperty("java.version") + "; load average at start " + Machine.loadAverage());
        String prefix = "bench_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Map<String, String> serviceConfig = new HashMap<>(TestTokens.serviceConfig());
        serviceConfig.putAll(keyValues(System.getProperty("bench.config", "")));
        if (!System.getProperty("bench.jvm", "").isBlank()) {
            report.say("every app's JVM with " + System.getProperty("bench.jvm") + " too");
        }
        if (serviceConfig.size() > TestTokens.serviceConfig().size()) {
            report.say("services configured with " + System.getProperty("bench.config"));
        }
        LocalStack.Options options = LocalStack.Options.isolated(root, out.resolve("stack"), prefix)
                .withServiceJvm(KUBERNETES_JVM).withExtraConfig(serviceConfig)
                .withOwnPostgres(postgresSettings(System.getProperty("bench.postgres", "")));
        LocalStack stack = LocalStack.start(options, line -> System.out.println("[bench] " + line));
        // the stack's own PostgreSQL stops with it; its data stays in the run's directory, beside Kafka's
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        report.say(databaseServer(stack));
        Bench bench = new Bench(root, out, stack, report, only);
        if (!bench.cpu.seesKafka()) {
            report.say("Kafka's broker not found among the runner's child processes: its CPU is not reported");
        }
        bench.runAll();
        report.say("load average at end " + Machine.loadAverage());
        String table = report.render();
        System.out.println(table);
        Files.writeString(out.resolve("results.md"), table);
        System.out.println("[bench] written to " + out.resolve("results.md"));
        System.exit(0);
    }

    /** The server the figures come from, as the report should say: version and the settings that move them. */
    private static String databaseServer(LocalStack stack) throws SQLException {
        try (Connection c = connect(stack, Service.CANDIDATE);
                Statement q = c.createStatement();
                ResultSet rs = q.executeQuery("select current_setting('server_version'),"
                        + " current_setting('fsync'), current_setting('synchronous_commit'),"
                        + " current_setting('autovacuum'), current_setting('shared_buffers')")) {
            rs.next();
            return String.format("%s: PostgreSQL %s, fsync %s, synchronous_commit %s, autovacuum %s,"
                    + " shared_buffers %s", stack.postgres().description(), rs.getString(1), rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5));
        }
    }

    /**
     * The deployment's settings, with {@code -Dbench.postgres=key=value;key=value} over them (say, {@code
     * autovacuum=off} to measure what a server without it costs, or {@code
     * shared_preload_libraries=pg_stat_statements} to read the statements of a run).
     */
    private static Map<String, String> postgresSettings(String spec) {
        Map<String, String> settings = new HashMap<>(PostgresServer.DEPLOYMENT_SETTINGS);
        settings.putAll(keyValues(spec));
        return settings;
    }

    /**
     * {@code key=value;key=value} as a map. {@code -Dbench.config} gives configuration to every service, or to one
     * as {@code <module>/key=value}, to measure a setting against the committed one in back-to-back runs (e.g.
     * {@code renewal-service/mp.messaging.incoming.exam-events.concurrency=1}).
     */
    private static Map<String, String> keyValues(String spec) {
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
     * The exam-side scenarios (POST /results against the bare insert too) run before the registrations: POST
     * /candidates leaves tens of thousands of CandidateRegistered events for exam-service's and renewal-service's
     * consumers, whose backlog would otherwise compete with the result path being measured.
     */
    private void runAll() throws Exception {
        if (only.contains("idle")) {
            idle();
        }
        if (only.contains("startup")) {
            startup();
        }
        Exams exams = new Exams(stack, load, staff, report, cpu);
        if (only.contains("results")) {
            // -Dbench.results-rates=50 runs only the first, when the machine is too loaded for the second
            List<String> rates = List.of(System.getProperty("bench.results-rates", "50,200").split(","));
            boolean warm = false;
            if (rates.contains("50")) {
                settle("results at 50/s");
                exams.resultToCertification(50, Duration.ofSeconds(20), !warm);
                warm = true;
            }
            if (rates.contains("200")) {
                settle("results at 200/s");
                exams.resultToCertification(200, Duration.ofSeconds(15), !warm);
            }
        }
        if (only.contains("bookings")) {
            settle("bookings");
            exams.bookings(500, 50);
        }
        if (only.contains("import")) {
            settle("the import");
            exams.importPipeline(Integer.getInteger("bench.import.size", 10_000));
        }
        if (only.contains("get") || only.contains("resultpost") || only.contains("post")) {
            try (App bare = startBare()) {
                Cpu withBare = cpu.with("bare-app", bare.pid());
                if (only.contains("get")) {
                    settle("GET");
                    readProfile(bare, withBare);
                }
                if (only.contains("resultpost")) {
                    settle("POST /results");
                    recordResults(bare, withBare, exams);
                }
                if (only.contains("post")) {
                    settle("POST /candidates");
                    register(bare, withBare);
                }
            }
        }
    }

    /**
     * Waits, up to two minutes, until the stack spends no more than {@link #SETTLED} ms of CPU a second (about twice
     * its idle cost): what the scenario before left (consumers catching up, the relay draining, autovacuum) would
     * otherwise count as this one's CPU per operation. A scenario that starts unsettled says so.
     */
    private void settle(String next) throws InterruptedException {
        long t0 = System.nanoTime();
        Cpu.Usage last = null;
        while (System.nanoTime() - t0 < Duration.ofMinutes(2).toNanos()) {
            Cpu.Sample before = cpu.sample();
            Thread.sleep(2_000);
            last = Cpu.between(before, cpu.sample(), 2);
            if (last.total() <= SETTLED) {
                report.say(String.format("settled before %s after %.0f s: CPU per second %s", next,
                        (System.nanoTime() - t0) / 1e9, last.compact()));
                return;
            }
        }
        report.say("NOT settled before " + next + " after 2 min: CPU per second " + last.compact());
    }

    /**
     * What the stack spends while nothing is asked of it (relay polls, consumer fetches, scheduled jobs): three
     * 10-second samples, as ms of CPU per second per process. Under load, every figure of CPU per operation carries
     * this divided by the rate.
     */
    private void idle() throws InterruptedException {
        report.scenario("idle: no requests");
        Thread.sleep(10_000);
        List<Cpu.Usage> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Cpu.Sample before = cpu.sample();
            Thread.sleep(10_000);
            Cpu.Usage used = Cpu.between(before, cpu.sample(), 10);
            report.say("idle 10 s: CPU per second " + used.compact() + " | load " + Machine.loadAverage());
            samples.add(used);
        }
        report.row("idle stack", "ms of CPU per second, 3 samples of 10 s", "(reported)", "", "",
                Cpu.Usage.median(samples).compact());
    }

    // ---------------------------------------------------------------- start-up and memory

    /**
     * The empty app is the baseline; the stack app ({@code benchmarks/stack-app}) is the floor the prescribed
     * stack sets: every extension a service packages, each used once, none of certboard's code. A service against
     * it is what certboard's own code adds to a start.
     */
    private static final List<String> APPS = List.of("empty-app", "stack-app", "candidate-service", "exam-service",
            "renewal-service");
    private static final String STACK_APP_DATABASE = "stack_app";

    /** A set of starts: each app on {@code java} with the flags {@code jvm} gives it; the goal is judged on one. */
    private record Flags(String name, Path java, Function<String, List<String>> jvm, boolean judged) {
    }

    /**
     * Each app started three times with each set of flags, in turns (every app once, then again), so that the
     * starts of one round share the machine's state; each row gives the median start and the spread. The goal is the
     * issue's: each service on JDK 25 with its own AOT cache against the empty app with its own.
     */
    private void startup() {
        report.scenario("start-up: each app three times with the Kubernetes flags, three with the local ones and three"
                + " with the Kubernetes ones on JDK 25 with its AOT cache");
        // -Dbench.startup.jfr=true: the starts with the Kubernetes flags on Java 17 under JDK Flight Recorder, each
        // recording in the run's startup-jfr/ (not the AOT starts: a flag more would train their caches again)
        List<String> kubernetes = new ArrayList<>(KUBERNETES_JVM);
        if (Boolean.getBoolean("bench.startup.jfr")) {
            try {
                Files.createDirectories(out.resolve("startup-jfr"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            report.say("the starts with the Kubernetes flags record JFR (their times include its cost)");
            kubernetes.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + out.resolve("startup-jfr") + "/");
        }
        List<Flags> sets = new ArrayList<>(List.of(
                new Flags("kubernetes flags", App.RUNNER_JAVA, app -> kubernetes, false),
                new Flags("local flags", App.RUNNER_JAVA, app -> ServiceProcess.LOCAL_JVM, false)));
        aotFlags().ifPresent(sets::add);
        Map<String, List<double[]>> figures = new LinkedHashMap<>();
        for (int round = 0; round < 3; round++) {
            for (Flags flags : sets) {
                for (String app : APPS) {
                    double[] measured = startOnce(app, flags.java(), flags.jvm().apply(app));
                    figures.computeIfAbsent(app + " (" + flags.name() + ")", k -> new ArrayList<>()).add(measured);
                    report.say(String.format("start %s with %s: ready after %.0f ms (Quarkus: started in %.0f"
                            + " ms), %d MiB RSS, %.0f ms of CPU | load %s", app, flags.name(), measured[0],
                            measured[1], (long) measured[2], measured[3], Machine.loadAverage()));
                }
            }
        }
        for (Flags flags : sets) {
            List<double[]> empty = figures.get("empty-app (" + flags.name() + ")");
            List<double[]> floor = figures.get("stack-app (" + flags.name() + ")");
            report.row("empty quarkus-rest app, " + flags.name(), "time to ready / RSS, 3 starts", "",
                    String.format("%s s / %s MiB", column(empty, 0, 1000).format("%.2f"),
                            column(empty, 2, 1).format("%.0f")), "(baseline)",
                    "to ready " + column(empty, 3, 1).format("%.0f") + " ms");
            Spread[] floorRatios = ratios(floor, empty);
            report.row("stack app (the services' extensions, no certboard code), " + flags.name(),
                    "time to ready / RSS vs empty app, 3 starts", "(the stack's floor)",
                    String.format("%s s / %s MiB", column(floor, 0, 1000).format("%.2f"),
                            column(floor, 2, 1).format("%.0f")),
                    floorRatios[0].format("%.1f", "×") + " / " + floorRatios[1].format("%.1f", "×"),
                    "to ready " + column(floor, 3, 1).format("%.0f") + " ms");
            for (Service service : Service.values()) {
                List<double[]> s = figures.get(service.module() + " (" + flags.name() + ")");
                Spread[] vsEmpty = ratios(s, empty);
                Spread[] vsFloor = ratios(s, floor);
                report.row(service.module() + ", " + flags.name(), "time to ready / RSS vs empty app, 3 starts",
                        flags.judged() ? "≤ 2× each" : "(reported)",
                        String.format("%s s / %s MiB", column(s, 0, 1000).format("%.2f"),
                                column(s, 2, 1).format("%.0f")),
                        vsEmpty[0].format("%.1f", "×") + " / " + vsEmpty[1].format("%.1f", "×") + (flags.judged()
                                ? vsEmpty[0].median() <= 2 && vsEmpty[1].median() <= 2 ? " met" : " NOT met" : ""),
                        "to ready " + column(s, 3, 1).format("%.0f") + " ms; vs stack app "
                                + vsFloor[0].format("%.1f", "×") + " / " + vsFloor[1].format("%.1f", "×"));
            }
        }
    }

    /**
     * Time to ready and RSS of each start against the other app's start of the same round (neighbours in time).
     */
    private static Spread[] ratios(List<double[]> app, List<double[]> baseline) {
        List<Double> time = new ArrayList<>();
        List<Double> rss = new ArrayList<>();
        for (int i = 0; i < app.size(); i++) {
            time.add(app.get(i)[0] / baseline.get(i)[0]);
            rss.add(app.get(i)[2] / baseline.get(i)[2]);
        }
        return new Spread[] { Spread.of(time), Spread.of(rss) };
    }

    /**
     * The Kubernetes flags on JDK 25 with each app's own AOT cache, trained first when the build has none (not timed):
     * the services as the stack trains them, the empty app asked its endpoint. Empty, and said, without a JDK 25 or
     * when a training failed.
     */
    private Optional<Flags> aotFlags() {
        Optional<AotCache> found = AotCache.find(System.getenv(), AotCache.DEFAULT_HOME, KUBERNETES_JVM);
        if (found.isEmpty()) {
            report.say("no JDK 25 in $" + AotCache.HOME_VARIABLE + " or at " + AotCache.DEFAULT_HOME
                    + ": no starts with AOT caches, the start-up goal is not judged");
            return Optional.empty();
        }
        AotCache aot = found.get();
        report.say("JDK 25 for the starts with AOT caches: " + aot.describe());
        Path logs = out.resolve("logs");
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, Integer> managementPorts = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
            managementPorts.put(service, Ports.free());
        }
        Map<String, Optional<Path>> caches = new HashMap<>();
        new AotTraining(aot, new TrainingStack(root, stack::serviceConfig, ports, managementPorts, stack.tokens(), logs,
                report::say)).caches(EnumSet.allOf(Service.class)).forEach((service, cache) -> caches.put(service.module(), cache));
        caches.put("empty-app", AotTraining.cache(aot, "empty-app", quarkusApp("empty-app"), logs, report::say,
                (flags, log) -> {
                    try (App empty = App.start("empty-app", aot.javaExecutable(), jar("empty-app"), flags, Map.of(),
                            log)) {
                        empty.awaitOk(empty.baseUrl() + "/hello", null, Duration.ofSeconds(120));
                        empty.stop(AotTraining.EXIT_GRACE);
                        return "GET /hello answered 200";
                    }
                }));
        caches.put("stack-app", AotTraining.cache(aot, "stack-app", quarkusApp("stack-app"), logs, report::say,
                (flags, log) -> {
                    int management = Ports.free();
                    try (App app = startStackApp(aot.javaExecutable(), flags, management, log)) {
                        app.awaitOk(readiness(management), null, Duration.ofSeconds(120));
                        app.stop(AotTraining.EXIT_GRACE);
                        return "ready";
                    }
                }));
        List<String> without = APPS.stream().filter(app -> caches.get(app).isEmpty()).toList();
        if (!without.isEmpty()) {
            report.say("no AOT cache for " + String.join(", ", without)
                    + ": no starts with AOT caches, the start-up goal is not judged");
            return Optional.empty();
        }
        return Optional.of(new Flags("kubernetes flags on JDK 25 with its AOT cache", aot.javaExecutable(),
                app -> aot.useFlags(caches.get(app).orElseThrow()), true));
    }

    /** The packaged app: a service's module, or a baseline's (empty-app, bare-app) in benchmarks/. */
    private Path quarkusApp(String app) {
        return root.resolve(app.endsWith("-app") ? "benchmarks/" + app : app).resolve("target/quarkus-app");
    }

    private Path jar(String app) {
        return quarkusApp(app).resolve("quarkus-run.jar");
    }

    /** One figure of each start, divided by {@code unit}. */
    private static Spread column(List<double[]> runs, int index, double unit) {
        return Spread.of(runs.stream().map(r -> r[index] / unit).toList());
    }

    /** ready ms, Quarkus started ms, RSS MiB when ready, CPU ms used until ready. */
    private double[] startOnce(String app, Path java, List<String> jvm) {
        Path log = out.resolve("logs").resolve(app + "-" + System.nanoTime() + ".log");
        if (app.equals("empty-app")) {
            try (App empty = App.start(app, java, jar(app), jvm, Map.of(), log)) {
                double ready = empty.awaitOk(empty.baseUrl() + "/hello", null, Duration.ofSeconds(120));
                return new double[] { ready, empty.quarkusStartedMillis(), empty.rssMiB(),
                    Machine.cpuMillis(empty.pid()) };
            }
        }
        if (app.equals("stack-app")) {
            int management = Ports.free();
            try (App floor = startStackApp(java, jvm, management, log)) {
                double ready = floor.awaitOk(readiness(management), null, Duration.ofSeconds(180));
                return new double[] { ready, floor.quarkusStartedMillis(), floor.rssMiB(),
                    Machine.cpuMillis(floor.pid()) };
            }
        }
        Service service = Service.valueOf(app.substring(0, app.indexOf('-')).toUpperCase());
        Map<String, String> config = new HashMap<>(stack.serviceConfig(service));
        int management = Ports.free();
        config.put("quarkus.management.port", Integer.toString(management));
        try (App instance = App.start(app, java, jar(app), jvm, config, log)) {
            double ready = instance.awaitOk(readiness(management), null, Duration.ofSeconds(180));
            return new double[] { ready, instance.quarkusStartedMillis(), instance.rssMiB(),
                Machine.cpuMillis(instance.pid()) };
        }
    }

    /** The stack app on a database of its own on the stack's server and the stack's broker, as a service starts. */
    private App startStackApp(Path java, List<String> jvm, int managementPort, Path log) {
        stack.postgres().createDatabaseIfMissing(STACK_APP_DATABASE);
        Map<String, String> config = new HashMap<>(TestTokens.serviceConfig());
        config.putAll(stack.postgres().datasourceConfig(STACK_APP_DATABASE));
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        config.put("quarkus.management.port", Integer.toString(managementPort));
        return App.start("stack-app", java, jar("stack-app"), jvm, config, log);
    }

    private static String readiness(int managementPort) {
        return "http://127.0.0.1:" + managementPort + "/q/health/ready";
    }

    // ------------------------------------------------ GET /candidates/{id}, POST /candidates and POST /results

    /** The bare app on candidate-service's database (its default datasource) and exam-service's ({@code exam}). */
    private App startBare() {
        Map<String, String> config = new HashMap<>(TestTokens.serviceConfig());
        datasource(config, "quarkus.datasource.", Service.CANDIDATE);
        datasource(config, "quarkus.datasource.exam.", Service.EXAM);
        App bare = App.start("bare-app", App.RUNNER_JAVA, jar("bare-app"), KUBERNETES_JVM, config,
                out.resolve("logs/bare-app.log"));
        // an unknown id answers 404 once the app is up, the token trusted and the database reachable
        awaitStatus(bare.baseUrl() + "/candidates/" + UUID.randomUUID(), 404);
        return bare;
    }

    private void datasource(Map<String, String> config, String prefix, Service service) {
        config.put(prefix + "reactive.url", stack.postgres().reactiveUrl(stack.database(service)));
        config.put(prefix + "username", stack.postgres().user());
        if (stack.postgres().password() != null) {
            config.put(prefix + "password", stack.postgres().password());
        }
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

    private void readProfile(App bare, Cpu processes) throws Exception {
        report.scenario("GET /candidates/{id}");
        String candidate = stack.url(Service.CANDIDATE);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ids.add(seedProfile(candidate, i));
        }
        report.say("seeded 100 profiles (licence, experience, approved application) through candidate-service");
        compare("GET /candidates/{id} (5 reads)", "≥ 0.8× bare", bare.baseUrl(), Service.CANDIDATE,
                base -> i -> get(base + "/candidates/" + ids.get((int) (i % ids.size()))), 0.8, processes);
    }

    private void register(App bare, Cpu processes) throws Exception {
        report.scenario("POST /candidates");
        String run = UUID.randomUUID().toString().substring(0, 8);
        // one sequence over every run, both sides: each registration has an email of its own
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        compare("POST /candidates (insert + outbox, relay and consumers running)", "≥ 0.5× bare insert",
                bare.baseUrl(), Service.CANDIDATE, base -> i -> {
                    long n = sequence.incrementAndGet();
                    return post(base + "/candidates", String.format("{\"givenName\":\"Bench\",\"familyName\":"
                            + "\"Mark%d\",\"email\":\"b%d.%s@bench.example\",\"dateOfBirth\":\"1984-03-09\"}", n, n,
                            run));
                }, 0.5, processes);
    }

    /**
     * POST /results (staff, score 650: a pass) against the bare insert of the same row. exam_result.booking_id is
     * unique and references booking, so every request of either side takes a booking of its own from one pool, seeded
     * before the scenario as the result scenarios seed theirs (distinct candidates, a sitting that started an hour
     * ago). {@code -Dbench.resultpost.bookings}: its size, 1,200,000 by default, room for the bare insert at 3,000/s
     * through the longest warm-up (300 s) and its rounds besides certboard's hundreds per second (200,000 ran out
     * once the warm-up grew with the rate: the bare insert took 160,000 in 70 s).
     */
    private void recordResults(App bare, Cpu processes, Exams exams) throws Exception {
        report.scenario("POST /results");
        int count = Integer.getInteger("bench.resultpost.bookings", 1_200_000);
        long seeding = System.nanoTime();
        List<UUID> bookings = exams.seedBookings(count).bookings();
        report.say(String.format("seeded %d bookings in %.1f s", count, (System.nanoTime() - seeding) / 1e9));
        java.util.concurrent.atomic.AtomicLong sequence = new java.util.concurrent.atomic.AtomicLong();
        try {
            compare("POST /results (insert + outbox, relay and consumers running)", "≥ 0.5× bare insert",
                    bare.baseUrl(), Service.EXAM, base -> i -> post(base + "/results", "{\"bookingId\":\""
                            + bookings.get((int) (sequence.getAndIncrement() % count)) + "\",\"scaledScore\":650}"),
                    0.5, processes);
        } catch (IllegalStateException e) {
            // a booking taken twice is refused (409, or the bare side's unique violation)
            if (sequence.get() > count) {
                throw new IllegalStateException("the " + count + " seeded bookings ran out after " + sequence.get()
                        + " requests: raise -Dbench.resultpost.bookings", e);
            }
            throw e;
        }
    }

    /** A run of one side and what each of its processes used per request meanwhile. */
    private record Measured(Load.Run run, Cpu.Usage cpu) {
    }

    private Measured measure(Cpu processes, java.util.function.Supplier<Load.Run> drive) {
        Cpu.Sample before = processes.sample();
        Load.Run run = drive.get();
        Cpu.Usage used = Cpu.between(before, processes.sample(), run.completed());
        report.say(run.summary() + " | CPU per request " + used.compact() + " | load " + Machine.loadAverage());
        requireNoFailures(run);
        return new Measured(run, used);
    }

    /**
     * Saturates both sides with 16 connections, alternating (bare, certboard, bare, certboard) after a warm-up of each,
     * for the throughput ratio; then drives both at the same constant rate (half of what certboard sustained) for
     * the latency under an open model, again three times each, alternating. The bare side's CPU is the bare app's
     * and PostgreSQL's; certboard's is the services', Kafka's and PostgreSQL's. {@code service}: the one that answers
     * certboard's side.
     */
    private void compare(String work, String goal, String bareUrl, Service service,
            java.util.function.Function<String, LongFunction<HttpRequest>> requests, double target, Cpu processes) {
        LongFunction<HttpRequest> bare = requests.apply(bareUrl);
        LongFunction<HttpRequest> certboard = requests.apply(stack.url(service));
        Cpu bareSide = processes.only("bare-app", Cpu.POSTGRES);
        Cpu certboardSide = processes.only("candidate", "exam", "renewal", "kafka", Cpu.POSTGRES);
        Duration length = Duration.ofSeconds(8);
        warmUp("warm-up bare", bare);
        warmUp("warm-up certboard", certboard);
        List<Measured> bareRuns = new ArrayList<>();
        List<Measured> certboardRuns = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String name = " " + round;
            Measured b = measure(bareSide, () -> load.saturate("bare" + name, length, 16, bare));
            Measured c = measure(certboardSide, () -> load.saturate("certboard" + name, length, 16, certboard));
            bareRuns.add(b);
            certboardRuns.add(c);
            ratios.add(c.run().perSecond() / b.run().perSecond());
        }
        // each round's two runs are neighbours in time: the median of their ratios is what the shared machine
        // disturbs least
        Spread ratio = Spread.of(ratios);
        Spread bareRate = Spread.of(bareRuns.stream().map(m -> m.run().perSecond()).toList());
        Spread certboardRate = Spread.of(certboardRuns.stream().map(m -> m.run().perSecond()).toList());
        double rate = Math.max(20, Math.round(certboardRate.median() / 2 / 10) * 10);
        List<Measured> bareOpen = new ArrayList<>();
        List<Measured> certboardOpen = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            String name = " at " + rate + "/s " + round;
            bareOpen.add(measure(bareSide, () -> load.constantRate("bare" + name, rate, length, 64, bare)));
            certboardOpen.add(measure(certboardSide,
                    () -> load.constantRate("certboard" + name, rate, length, 64, certboard)));
        }
        if (Boolean.getBoolean("bench.jfr")) {
            profile(work, service, certboard);
        }
        report.row(work, "throughput, 16 connections (closed), 3 rounds", goal,
                String.format("%s vs %s req/s", certboardRate.format("%.0f"), bareRate.format("%.0f")),
                ratio.format("%.2f", "×") + " " + (ratio.median() >= target ? "met" : "NOT met")
                        + warming(certboardRuns.stream().map(m -> m.run().perSecond()).toList()),
                "certboard " + cpuOf(certboardRuns) + "; bare " + cpuOf(bareRuns));
        report.row(work, String.format("constant %.0f req/s, 3 runs: p50 / p99 / max", rate), "(reported)",
                latencies(certboardOpen), "bare " + latencies(bareOpen),
                "certboard " + cpuOf(certboardOpen) + "; bare " + cpuOf(bareOpen));
    }

    /**
     * Saturates {@code side} in bursts of 5 s for at least {@link #SATURATED_WARM_UP}, then until its rate stops
     * rising (the last six bursts less than 5 % above the six before) or for at most {@link #WARM_UP_LIMIT}. A fixed
     * 15 s was enough where earlier scenarios had warmed the services; on a stack started just before, the recorded
     * rounds of POST /results still rose from 28 to 40 to 49/s (docs/benchmarks.md, "How long a service warms").
     */
    private void warmUp(String name, LongFunction<HttpRequest> side) {
        long start = System.nanoTime();
        List<Double> rates = new ArrayList<>();
        long done = 0;
        while (true) {
            Load.Run burst = load.saturate(name, WARM_UP_BURST, 16, side);
            rates.add(burst.perSecond());
            done += burst.completed();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            int n = rates.size();
            boolean steady = n >= 2 * WINDOW && window(rates, n) < STEADY * window(rates, n - WINDOW);
            if (elapsed.compareTo(SATURATED_WARM_UP) >= 0 && steady || elapsed.compareTo(WARM_UP_LIMIT) >= 0) {
                report.say(String.format("%s: %d done in %d bursts of %d s (%s/s); %s", name, done, n,
                        WARM_UP_BURST.toSeconds(), rates.stream().map(rate -> String.format("%.0f", rate))
                                .collect(Collectors.joining(", ")), steady ? "its rate no longer rises"
                                        : "its rate still rose at the " + WARM_UP_LIMIT.toSeconds() + " s limit"));
                return;
            }
        }
    }

    /** The mean rate of the {@link #WINDOW} bursts before {@code end}. */
    private static double window(List<Double> rates, int end) {
        return rates.subList(end - WINDOW, end).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * A mark for a side whose rate rose by more than 10 % from its first recorded round to its last, every round above
     * the one before: it was still warming, and its median understates what it sustains once compiled.
     */
    private static String warming(List<Double> rates) {
        for (int i = 1; i < rates.size(); i++) {
            if (rates.get(i) <= rates.get(i - 1)) {
                return "";
            }
        }
        double first = rates.get(0);
        double last = rates.get(rates.size() - 1);
        return last > RISING * first
                ? String.format(" (WARMING: its rounds rose %.0f → %.0f/s)", first, last) : "";
    }

    private static String cpuOf(List<Measured> runs) {
        return Cpu.Usage.median(runs.stream().map(Measured::cpu).toList()).compact();
    }

    private static String latencies(List<Measured> runs) {
        return String.format("%s / %s / %s ms", Spread.of(runs.stream().map(m -> m.run().p(50)).toList())
                .format("%.1f"), Spread.of(runs.stream().map(m -> m.run().p(99)).toList()).format("%.1f"),
                Spread.of(runs.stream().map(m -> m.run().max()).toList()).format("%.0f"));
    }

    /**
     * A further saturated run with every service under JDK Flight Recorder, the one answering and those consuming
     * what it emits; each one's top frames go to the log.
     */
    private void profile(String work, Service service, LongFunction<HttpRequest> certboard) {
        Map<Service, Profile> profiles = new EnumMap<>(Service.class);
        for (Service each : Service.values()) {
            try {
                profiles.put(each, Profile.start(stack.process(each).pid(), out.resolve(each.module() + "-"
                        + (work.startsWith("GET") ? "get" : "post") + "-to-" + service.module() + ".jfr")));
            } catch (IOException e) {
                report.say("JFR could not start in " + each.module() + ": " + e);
            }
        }
        report.say(load.saturate("certboard under JFR", Duration.ofSeconds(15), 16, certboard).summary());
        profiles.forEach((each, profile) -> {
            try {
                report.say("JFR, " + each.module() + ", " + work + ": " + profile.stop(15));
            } catch (IOException e) {
                report.say("JFR summary failed: " + e);
            }
        });
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

    /** The runner's own connection: named, so that its backend's CPU is not counted as the run's ({@link Cpu}). */
    static Connection connect(LocalStack stack, Service service) throws SQLException {
        return connect(stack, service, Cpu.RUNNER);
    }

    static Connection connect(LocalStack stack, Service service, String applicationName) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", stack.postgres().user());
        if (stack.postgres().password() != null) {
            properties.setProperty("password", stack.postgres().password());
        }
        properties.setProperty("ApplicationName", applicationName);
        return DriverManager.getConnection(stack.postgres().jdbcUrl(stack.database(service)), properties);
    }

    static LocalDate today() {
        return ZonedDateTime.now(ZONE).toLocalDate();
    }
}
