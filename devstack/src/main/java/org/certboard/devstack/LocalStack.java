package org.certboard.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.certboard.events.Topics;

/**
 * The whole of certboard on one machine: Kafka (KRaft), PostgreSQL (running or embedded) and the three packaged
 * services in sandbox mode. The local stack ({@code deploy/local/run}) and the system tests start it the same way.
 */
public final class LocalStack implements AutoCloseable {
    /**
     * @param repoRoot        where the service modules were built
     * @param stateDir        Kafka data, embedded PostgreSQL data and logs
     * @param kafkaPort       the broker's client port (the controller takes the next one)
     * @param servicePorts    the port of each service
     * @param databasePrefix  prefix of the services' database names ("" for candidate, exam, renewal)
     * @param sandbox         start the services with the movable board clock
     * @param embeddedPostgresPort where an embedded PostgreSQL listens when no server runs
     * @param serviceJvm      the services' JVM flags
     * @param extraConfig     configuration added to every service's (benchmarks: trust the test tokens)
     */
    public record Options(Path repoRoot, Path stateDir, int kafkaPort, Map<Service, Integer> servicePorts,
            String databasePrefix, boolean sandbox, int embeddedPostgresPort, List<String> serviceJvm,
            Map<String, String> extraConfig) {

        public static Options localDefaults(Path repoRoot) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, service.defaultPort());
            }
            return new Options(repoRoot, repoRoot.resolve(".certboard"), 9092, ports, "", true,
                    PostgresServer.configuredPort(), ServiceProcess.LOCAL_JVM, Map.of());
        }

        /** Free ports and separate databases, so a test run never touches a running local stack. */
        public static Options isolated(Path repoRoot, Path stateDir, String databasePrefix) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, Ports.free());
            }
            return new Options(repoRoot, stateDir, Ports.free(), ports, databasePrefix, true, Ports.free(),
                    ServiceProcess.LOCAL_JVM, Map.of());
        }

        public Options withServiceJvm(List<String> flags) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, databasePrefix, sandbox,
                    embeddedPostgresPort, List.copyOf(flags), extraConfig);
        }

        public Options withExtraConfig(Map<String, String> config) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, databasePrefix, sandbox,
                    embeddedPostgresPort, serviceJvm, Map.copyOf(config));
        }
    }

    private final Options options;
    private final Consumer<String> progress;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);

    private LocalStack(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public static LocalStack start(Options options, Consumer<String> progress) {
        LocalStack stack = new LocalStack(options, progress);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        requireFreePorts();
        long t0 = System.nanoTime();
        progress.accept("starting Kafka (KRaft) on 127.0.0.1:" + options.kafkaPort() + " ...");
        kafka = KafkaBroker.start(options.stateDir().resolve("kafka"), options.kafkaPort(), controllerPort());
        kafka.createTopics(Topics.ALL, 3);
        progress.accept("Kafka ready (" + seconds(t0) + ")");

        progress.accept("looking for PostgreSQL ...");
        postgres = PostgresServer.runningOrEmbedded(options.stateDir().resolve("postgres"),
                options.embeddedPostgresPort());
        for (Service service : Service.values()) {
            postgres.createDatabaseIfMissing(database(service));
        }
        progress.accept("using " + postgres.description() + ", databases ready (" + seconds(t0) + ")");

        progress.accept("starting candidate-service, exam-service and renewal-service ...");
        for (Service service : Service.values()) {
            services.put(service, ServiceProcess.start(options.repoRoot(), service.module(),
                    options.servicePorts().get(service), options.serviceJvm(), serviceConfig(service),
                    options.stateDir().resolve("logs").resolve(service.module() + ".log")));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(180));
            progress.accept(service.name() + " ready at " + service.baseUrl() + " (" + seconds(t0) + ", "
                    + service.rssMiB() + " MiB RSS)");
        }
    }

    /** Refuses to start beside another stack: its broker and services would answer the readiness checks of ours. */
    private void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(options.servicePorts().values());
        ports.add(options.kafkaPort());
        for (int port : ports) {
            if (Ports.isOpen(port)) {
                throw new IllegalStateException("port " + port + " is already in use: is another certboard stack"
                        + " running? Stop it (Ctrl-C in its terminal) or free the port.");
            }
        }
    }

    private int controllerPort() {
        return options.kafkaPort() == 9092 ? 9093 : Ports.free();
    }

    /** What a service of this stack is started with (a benchmark starts extra instances with it). */
    public Map<String, String> serviceConfig(Service service) {
        Map<String, String> config = new HashMap<>(postgres.datasourceConfig(database(service)));
        config.putAll(options.extraConfig());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        if (options.sandbox()) {
            config.put("quarkus.profile", "sandbox");
            config.put("certboard.sandbox", "true");
        }
        return config;
    }

    public String database(Service service) {
        return options.databasePrefix() + service.database();
    }

    public String url(Service service) {
        return services.get(service).baseUrl();
    }

    public ServiceProcess process(Service service) {
        return services.get(service);
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public PostgresServer postgres() {
        return postgres;
    }


    @Override
    public void close() {
        services.values().forEach(ServiceProcess::close);
        services.clear();
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String seconds(long t0) {
        return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
    }

    /** The local stack's entry point: {@code deploy/local/run [--demo] [--no-sandbox]}. */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("certboard.root", ".")).toAbsolutePath().normalize();
        boolean sandbox = !List.of(args).contains("--no-sandbox");
        boolean demo = List.of(args).contains("--demo");
        if (demo && !sandbox) {
            throw new IllegalArgumentException("--demo moves the board clock and needs sandbox mode");
        }
        Options defaults = Options.localDefaults(root);
        Options options = new Options(defaults.repoRoot(), defaults.stateDir(), defaults.kafkaPort(),
                defaults.servicePorts(), "", sandbox, defaults.embeddedPostgresPort(), defaults.serviceJvm(),
                defaults.extraConfig());
        Consumer<String> say = line -> System.out.println("[certboard] " + line);
        LocalStack stack = new LocalStack(options, say);
        // registered before starting, so that Ctrl-C during start-up also stops whatever has started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say.accept("stopping ...");
            stack.close();
            say.accept("stopped; data kept in " + options.stateDir());
        }));
        stack.startAll();
        say.accept("all ready" + (sandbox ? " (sandbox mode: the board clock can be moved)" : ""));
        for (Service service : Service.values()) {
            String url = stack.url(service);
            System.out.printf("  %-16s API %s   Swagger UI %s/q/swagger-ui   health %s/q/health/ready%n",
                    service.module(), url, url, stack.process(service).managementUrl());
        }
        System.out.println("  Kafka            " + stack.kafkaBootstrapServers() + "   logs " + options.stateDir().resolve("logs"));
        if (demo) {
            new Demo(stack, System.out).play();
        }
        say.accept("press Ctrl-C to stop everything");
        Thread.currentThread().join();
    }
}
