package org.certboard.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.certboard.devstack.scenario.TokenSource;
import org.certboard.devstack.testing.TestTokens;
import org.certboard.events.Topics;

/**
 * The whole of certboard on one machine: Kafka (KRaft), PostgreSQL (running or embedded), Keycloak as the OpenID
 * provider (or, in tests, a test signing key) and the three packaged services in sandbox mode. The local stack
 * ({@code deploy/local/run}) and the system tests start it the same way.
 */
public final class LocalStack implements AutoCloseable {
    /** The local stack's front-end origins: any port on localhost (a Quarkus CORS regular expression, in slashes). */
    public static final String DEV_ORIGINS = "/http://localhost(:[0-9]+)?/";

    /**
     * Keycloak as the stack's OpenID provider.
     *
     * @param home                     the distribution, its build cache and its data (kept across starts)
     * @param port                     its HTTP port
     * @param dropDataWhenRealmChanges when the repository's realm file has changed since the realm was imported,
     *                                 start afresh (tests); otherwise keep the data (and its users) and say so
     */
    public record Provider(Path home, int port, boolean dropDataWhenRealmChanges) {
    }

    /**
     * @param repoRoot        where the service modules were built
     * @param stateDir        Kafka data, embedded PostgreSQL data and logs
     * @param kafkaPort       the broker's client port (the controller takes the next one)
     * @param servicePorts    the port of each service's API
     * @param managementPorts the port of each service's health and metrics
     * @param databasePrefix  prefix of the services' database names ("" for candidate, exam, renewal)
     * @param sandbox         start the services with the movable board clock
     * @param embeddedPostgresPort where an embedded PostgreSQL listens when no server runs
     * @param provider        Keycloak, or null: then the services trust {@link TestTokens} alone
     * @param devOrigins      allow browser front ends on {@link #DEV_ORIGINS} (CORS)
     * @param serviceJvm      the services' JVM flags
     * @param extraConfig     configuration added to every service's (benchmarks, the trace test); a key written
     *                        {@code <module>/<key>} (e.g. {@code renewal-service/mp.messaging...}) to that service's
     *                        only
     * @param imageTag        run each service from its image {@code localhost/certboard/<module>:<tag>} in podman,
     *                        as deploy/kubernetes/base runs it ({@link PodSpec}), instead of as a JVM; null for JVMs
     * @param aotCache        start the JVMs on JDK 25 with an AOT cache each when a JDK 25 is found ({@link AotCache}),
     *                        training it first when the build has none; else on the stack's own Java
     * @param ownPostgres     null for the running PostgreSQL (or an embedded one where none runs); else the settings
     *                        of an embedded server of the stack's own, shared with no other process
     */
    public record Options(Path repoRoot, Path stateDir, int kafkaPort, Map<Service, Integer> servicePorts,
            Map<Service, Integer> managementPorts, String databasePrefix, boolean sandbox, int embeddedPostgresPort,
            Provider provider, boolean devOrigins, List<String> serviceJvm, Map<String, String> extraConfig,
            String imageTag, boolean aotCache, Map<String, String> ownPostgres) {

        public static Options localDefaults(Path repoRoot) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            Map<Service, Integer> management = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, service.defaultPort());
                management.put(service, service.defaultManagementPort());
            }
            Path state = repoRoot.resolve(".certboard");
            return new Options(repoRoot, state, 9092, ports, management, "", true, PostgresServer.configuredPort(),
                    new Provider(state.resolve("keycloak"), 8180, false), true, ServiceProcess.LOCAL_JVM,
                    Map.of(), null, true, null);
        }

        /**
         * Free ports and separate databases, so a test run never touches a running local stack; the services trust
         * {@link TestTokens} (no provider to start).
         */
        public static Options isolated(Path repoRoot, Path stateDir, String databasePrefix) {
            Map<Service, Integer> ports = new EnumMap<>(Service.class);
            Map<Service, Integer> management = new EnumMap<>(Service.class);
            for (Service service : Service.values()) {
                ports.put(service, Ports.free());
                management.put(service, Ports.free());
            }
            return new Options(repoRoot, stateDir, Ports.free(), ports, management, databasePrefix, true,
                    Ports.free(), null, false, ServiceProcess.LOCAL_JVM, Map.of(), null, true, null);
        }

        public Options withSandbox(boolean on) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, managementPorts, databasePrefix, on,
                    embeddedPostgresPort, provider, devOrigins, serviceJvm, extraConfig, imageTag, aotCache,
                    ownPostgres);
        }

        /** The same stack with Keycloak as its OpenID provider instead of the test key. */
        public Options withProvider(Provider keycloak) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, managementPorts, databasePrefix, sandbox,
                    embeddedPostgresPort, keycloak, devOrigins, serviceJvm, extraConfig, imageTag, aotCache,
                    ownPostgres);
        }

        /** These flags on the stack's own Java, without an AOT cache (the benchmarks' deployment flags). */
        public Options withServiceJvm(List<String> flags) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, managementPorts, databasePrefix, sandbox,
                    embeddedPostgresPort, provider, devOrigins, List.copyOf(flags), extraConfig, imageTag, false,
                    ownPostgres);
        }

        public Options withExtraConfig(Map<String, String> config) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, managementPorts, databasePrefix, sandbox,
                    embeddedPostgresPort, provider, devOrigins, serviceJvm, Map.copyOf(config), imageTag, aotCache,
                    ownPostgres);
        }

        /** The same stack with the services' images (tag {@code tag}, loaded by deploy/local/images) in podman. */
        public Options withImages(String tag) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, managementPorts, databasePrefix, sandbox,
                    embeddedPostgresPort, provider, devOrigins, serviceJvm, extraConfig, tag, aotCache, ownPostgres);
        }

        /**
         * The same stack on an embedded PostgreSQL of its own with these settings (a run measured against a server
         * configured as a deployment's, not the machine's).
         */
        public Options withOwnPostgres(Map<String, String> settings) {
            return new Options(repoRoot, stateDir, kafkaPort, servicePorts, managementPorts, databasePrefix, sandbox,
                    embeddedPostgresPort, provider, devOrigins, serviceJvm, extraConfig, imageTag, aotCache,
                    Map.copyOf(settings));
        }

        /** The image of {@code service} this stack runs, when it runs images. */
        public String image(Service service) {
            return "localhost/certboard/" + service.module() + ":" + imageTag;
        }
    }

    private final Options options;
    private final Consumer<String> progress;
    private KeycloakServer keycloak;
    private KafkaBroker kafka;
    private PostgresServer postgres;
    private MailServer mail;
    /** The JDK 25 the services run on with their caches, when one was found. */
    private AotCache aot;
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
        Provider provider = options.provider();
        if (provider != null) {
            // started first: its start-up is the longest and overlaps Kafka's and PostgreSQL's
            progress.accept("starting Keycloak on 127.0.0.1:" + provider.port() + (KeycloakServer.needsBuild(
                    provider.home()) ? " (first start: download and a one-time build step, about a minute)" : "")
                    + " ...");
            keycloak = KeycloakServer.launch(options.repoRoot(), provider.home(), provider.port(),
                    provider.dropDataWhenRealmChanges(), options.stateDir().resolve("logs").resolve("keycloak.log"));
        }
        progress.accept("starting Kafka (KRaft) on 127.0.0.1:" + options.kafkaPort() + " ...");
        // the broker follows the services: C1-only beside the local flags, a server JVM beside the deployment's
        // (the benchmarks), so that Kafka's share of CPU per event is a production broker's
        kafka = KafkaBroker.start(options.stateDir().resolve("kafka"), options.kafkaPort(), controllerPort(),
                options.serviceJvm().equals(ServiceProcess.LOCAL_JVM) ? KafkaBroker.LOCAL_JVM : KafkaBroker.SERVER_JVM);
        kafka.createTopics(Topics.ALL, 3);
        progress.accept("Kafka ready (" + seconds(t0) + ")");

        int smtp = smtpPort();
        mail = MailServer.start(options.repoRoot(), options.stateDir().resolve("greenmail"), smtp,
                smtp == 3025 ? 8025 : Ports.free());
        progress.accept("GreenMail ready: SMTP 127.0.0.1:" + mail.smtpPort() + ", API " + mail.apiUrl() + " ("
                + seconds(t0) + ")");

        progress.accept("looking for PostgreSQL ...");
        postgres = options.ownPostgres() == null
                ? PostgresServer.runningOrEmbedded(options.stateDir().resolve("postgres"),
                        options.embeddedPostgresPort())
                : PostgresServer.embedded(options.stateDir().resolve("postgres"), options.embeddedPostgresPort(),
                        options.ownPostgres());
        for (Service service : Service.values()) {
            postgres.createDatabaseIfMissing(database(service));
        }
        progress.accept("using " + postgres.description() + ", databases ready (" + seconds(t0) + ")");

        if (keycloak != null) {
            keycloak.awaitReady(Duration.ofMinutes(5));
            progress.accept("Keycloak ready at " + keycloak.url() + ", realm " + KeycloakServer.REALM + " ("
                    + seconds(t0) + ", " + keycloak.rssMiB() + " MiB RSS)");
            if (keycloak.realmOutdated()) {
                progress.accept("note: " + KeycloakServer.REALM_FILE + " changed since Keycloak imported the realm;"
                        + " to import it again, stop the stack and delete " + keycloak.home().resolve("data")
                        + " (this forgets the candidates made locally)");
            }
        }

        progress.accept("starting candidate-service, exam-service and renewal-service"
                + (options.imageTag() != null ? " from their images in podman (deploy/kubernetes/base's user,"
                        + " read-only root filesystem, capabilities, memory limit and environment)" : "") + " ...");
        Map<Service, Optional<Path>> caches = aotCaches();
        Map<Service, String> images = trainedImages();
        for (Service service : Service.values()) {
            Path log = options.stateDir().resolve("logs").resolve(service.module() + ".log");
            Optional<Path> cache = caches.getOrDefault(service, Optional.empty());
            services.put(service, options.imageTag() != null
                    ? ServiceProcess.startContainer(options.repoRoot(), service.module(), images.get(service),
                            options.servicePorts().get(service), options.managementPorts().get(service),
                            serviceConfig(service), log)
                    : cache.isPresent()
                            ? ServiceProcess.start(aot.javaExecutable().toString(), options.repoRoot(),
                                    service.module(), options.servicePorts().get(service),
                                    options.managementPorts().get(service), aot.useFlags(cache.get()),
                                    serviceConfig(service), log)
                            : ServiceProcess.start(options.repoRoot(), service.module(),
                                    options.servicePorts().get(service), options.managementPorts().get(service),
                                    options.serviceJvm(), serviceConfig(service), log));
        }
        for (ServiceProcess service : services.values()) {
            service.awaitReady(Duration.ofSeconds(180));
            progress.accept(service.name() + " ready at " + service.baseUrl() + " (" + seconds(t0) + ", "
                    + service.rssMiB() + " MiB RSS)");
        }
    }

    /**
     * The AOT cache of each service when the options ask for them and a JDK 25 is found (trained now when the build
     * has none); empty for a service that then starts as before, on the stack's Java without a cache.
     */
    private Map<Service, Optional<Path>> aotCaches() {
        if (!options.aotCache() || options.imageTag() != null) {
            return Map.of();
        }
        Optional<AotCache> found = AotCache.find(System.getenv(), AotCache.DEFAULT_HOME, options.serviceJvm());
        if (found.isEmpty()) {
            progress.accept("no JDK 25 in $" + AotCache.HOME_VARIABLE + " or " + AotCache.DEFAULT_HOME
                    + ": the services run on Java " + System.getProperty("java.version") + " without an AOT cache");
            return Map.of();
        }
        aot = found.get();
        progress.accept("JDK 25 for the services and their AOT caches: " + aot.describe());
        Map<Service, Optional<Path>> caches = new AotTraining(aot, trainingStack())
                .caches(EnumSet.allOf(Service.class));
        caches.forEach((service, cache) -> {
            if (cache.isEmpty()) {
                progress.accept(service.module() + " runs on Java " + System.getProperty("java.version")
                        + " without an AOT cache");
            }
        });
        return caches;
    }

    /** Each service's image with its AOT cache layer (trained now where missing), when the stack runs images. */
    private Map<Service, String> trainedImages() {
        if (options.imageTag() == null) {
            return Map.of();
        }
        Map<Service, String> sources = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            sources.put(service, options.image(service));
        }
        return new ImageTraining(trainingStack(), options.stateDir().resolve("aot-images")).images(sources);
    }

    /** This stack as the training runs use it: its services' configuration and ports, its logs and progress. */
    private TrainingStack trainingStack() {
        return new TrainingStack(options.repoRoot(), this::serviceConfig, options.servicePorts(),
                options.managementPorts(), tokens(), options.stateDir().resolve("logs"), progress);
    }

    /** Refuses to start beside another stack: its broker and services would answer the readiness checks of ours. */
    private void requireFreePorts() {
        List<Integer> ports = new ArrayList<>(options.servicePorts().values());
        ports.addAll(options.managementPorts().values());
        ports.add(options.kafkaPort());
        if (options.provider() != null) {
            ports.add(options.provider().port());
        }
        for (int port : ports) {
            if (Ports.isOpen(port)) {
                throw new IllegalStateException("port " + port + " is already in use: is another certboard stack"
                        + " running? Stop it (Ctrl-C in its terminal) or free the port.");
            }
        }
    }

    /** The local stack's fixed SMTP port (3025, API 8025) beside Kafka's fixed 9092; free ports when isolated. */
    private int smtpPort() {
        return options.kafkaPort() == 9092 ? 3025 : Ports.free();
    }

    private int controllerPort() {
        return options.kafkaPort() == 9092 ? 9093 : Ports.free();
    }

    /** What a service of this stack is started with (a benchmark starts extra instances with it). */
    public Map<String, String> serviceConfig(Service service) {
        Map<String, String> config = new HashMap<>(postgres.datasourceConfig(database(service)));
        if (options.imageTag() == null) {
            // an image takes them from its manifest's environment, as every board-profile setting
            config.putAll(PodSpec.programs(options.repoRoot()));
        }
        options.extraConfig().forEach((key, value) -> {
            int slash = key.indexOf('/');
            if (slash < 0) {
                config.put(key, value);
            } else if (key.substring(0, slash).equals(service.module())) {
                config.put(key.substring(slash + 1), value);
            }
        });
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        if (service == Service.CANDIDATE) {
            // GreenMail: plain SMTP without login (an image takes the manifest's submission settings otherwise)
            config.put("quarkus.mailer.host", "127.0.0.1");
            config.put("quarkus.mailer.port", String.valueOf(mail.smtpPort()));
            config.put("quarkus.mailer.start-tls", "DISABLED");
            config.put("quarkus.mailer.login", "DISABLED");
        }
        if (keycloak != null) {
            config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
        } else {
            config.putAll(TestTokens.serviceConfig());
        }
        if (options.devOrigins()) {
            config.put("certboard.cors.enabled", "true");
            config.put("certboard.cors.origins", DEV_ORIGINS);
        }
        // renewal-service signs credentials; the local stack has no Secret, so it makes a key (also without sandbox)
        config.put("certboard.credentials.generate-key", "true");
        // renewal-service names its public URL in every credential; outside sandbox mode it must be told it
        config.put("certboard.credentials.base-url", "http://127.0.0.1:" + options.servicePorts().get(Service.RENEWAL));
        // candidate-service seals webhook secrets; a fixed local key, as in its sandbox profile (never a production one)
        config.put("certboard.webhooks.secret-key", "Y2VydGJvYXJkLXNhbmRib3gtd2ViaG9vay1rZXktMzI=");
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

    public String managementUrl(Service service) {
        return services.get(service).managementUrl();
    }

    /** Tokens the services of this stack accept: from its Keycloak, or signed with the test key. */
    public TokenSource tokens() {
        return keycloak != null ? new KeycloakTokens(keycloak.url()) : TestTokens.source();
    }

    /** The stack's Keycloak, when it runs one. */
    public Optional<KeycloakServer> keycloak() {
        return Optional.ofNullable(keycloak);
    }

    /** The stack's SMTP server, where candidate-service sends its mail. */
    public MailServer mail() {
        return mail;
    }

    /** The service's process (benchmarks profile it). */
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
        if (mail != null) {
            mail.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String seconds(long t0) {
        return String.format("%.1f s", (System.nanoTime() - t0) / 1e9);
    }

    /**
     * The local stack's entry point: {@code deploy/local/run [--demo] [--no-sandbox] [--images TAG] [--until-ready]};
     * {@code --images} runs the services' images in podman (deploy/local/images), {@code --until-ready} stops
     * everything once all reported ready (a check that ends by itself).
     */
    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("certboard.root", ".")).toAbsolutePath().normalize();
        boolean sandbox = !List.of(args).contains("--no-sandbox");
        boolean demo = List.of(args).contains("--demo");
        if (demo && !sandbox) {
            throw new IllegalArgumentException("--demo moves the board clock and needs sandbox mode");
        }
        List<String> arguments = List.of(args);
        int images = arguments.indexOf("--images");
        Options options = Options.localDefaults(root).withSandbox(sandbox);
        if (images >= 0) {
            options = options.withImages(arguments.get(images + 1));
        }
        boolean untilReady = arguments.contains("--until-ready");
        Options chosen = options;
        Consumer<String> say = line -> System.out.println("[certboard] " + line);
        LocalStack stack = new LocalStack(chosen, say);
        // registered before starting, so that Ctrl-C during start-up also stops whatever has started
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            say.accept("stopping ...");
            stack.close();
            say.accept("stopped; data kept in " + chosen.stateDir());
        }));
        stack.startAll();
        say.accept("all ready" + (sandbox ? " (sandbox mode: the board clock can be moved)" : ""));
        for (Service service : Service.values()) {
            String url = stack.url(service);
            System.out.printf("  %-16s API %s   Swagger UI %s/q/swagger-ui   health %s/q/health/ready%n",
                    service.module(), url, url, stack.managementUrl(service));
            ServiceProcess process = stack.process(service);
            if (process.containerName().isPresent()) {
                PodSpec spec = PodSpec.of(root, service.module());
                System.out.printf("  %-16s container %s (%s): user %d, read-only root %s, capabilities dropped %s,"
                        + " memory limit %s; probes %s %s %s answer 200%n", "", process.containerName().get(),
                        process.containerImage().orElseThrow(), spec.user(), spec.readOnlyRoot(),
                        spec.dropCapabilities(), spec.memoryLimit(), spec.startedPath(), spec.livePath(),
                        spec.readyPath());
            }
        }
        KeycloakServer keycloak = stack.keycloak().orElseThrow();
        System.out.println("  Keycloak         " + keycloak.url() + "   realm " + keycloak.issuer()
                + "   tokens: deploy/local/token staff|vendor|admin|candidate EMAIL");
        System.out.println("  GreenMail        SMTP 127.0.0.1:" + stack.mail().smtpPort() + "   mailboxes "
                + stack.mail().apiUrl() + "/api/user/EMAIL/messages/");
        System.out.println("  Kafka            " + stack.kafkaBootstrapServers() + "   logs " + chosen.stateDir().resolve("logs"));
        if (demo) {
            new Demo(stack, System.out).play();
        }
        if (untilReady) {
            System.exit(0);
        }
        say.accept("press Ctrl-C to stop everything");
        Thread.currentThread().join();
    }
}
