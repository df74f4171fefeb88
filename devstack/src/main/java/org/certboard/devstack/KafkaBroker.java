package org.certboard.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * A single-node Apache Kafka broker in KRaft mode (broker + controller), run from the Maven Central jars in its own
 * JVM. Its data lives in {@code dataDir}: a restart on the same folder and ports keeps every topic and offset.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final String CLASSPATH_RESOURCE = "org/certboard/kafka/broker.classpath";
    /** A quick start and a small footprint: C1 only, for tests and the local stack. */
    public static final List<String> LOCAL_JVM = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");
    /** As a broker runs in production (both JIT compilers, Kafka's own G1 default): for measurements. */
    public static final List<String> SERVER_JVM = List.of("-Xms512m", "-Xmx512m", "-XX:+UseG1GC",
            "-XX:MaxGCPauseMillis=20");

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final List<String> jvm;
    private ChildProcess process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, List<String> jvm) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.jvm = List.copyOf(jvm);
    }

    /** Starts a broker (formatting {@code dataDir} on first use) and waits until it accepts requests. */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort) {
        return start(dataDir, port, controllerPort, LOCAL_JVM);
    }

    /** The same, with these JVM flags ({@link #LOCAL_JVM} or {@link #SERVER_JVM}). */
    public static KafkaBroker start(Path dataDir, int port, int controllerPort, List<String> jvm) {
        KafkaBroker broker = new KafkaBroker(dataDir.toAbsolutePath(), port, controllerPort, jvm);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path properties = writeServerProperties();
        if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
            format(properties);
        }
        process = ChildProcess.startJava("kafka", Stream.concat(jvm.stream(),
                Stream.of("-cp", brokerClasspath())).toList(),
                List.of("org.certboard.kafka.BrokerMain", Long.toString(ProcessHandle.current().pid()),
                        properties.toString()),
                dataDir.resolve("kafka.log"));
        awaitReady();
    }

    /** Stops the broker as a crash would look to clients; {@link #start()} brings it back with its data. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream().filter(t -> !existing.contains(t))
                    .map(t -> new NewTopic(t, partitions, (short) 1)).collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    private void awaitReady() {
        Ports.await("Kafka on port " + port, Duration.ofSeconds(90), () -> {
            process.checkAlive();
            return Ports.isOpen(port) && brokerAnswers();
        });
    }

    private boolean brokerAnswers() {
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private Path writeServerProperties() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", dataDir.resolve("logs").toString());
        p.setProperty("num.partitions", "3");
        p.setProperty("auto.create.topics.enable", "true");
        for (String internal : List.of("offsets.topic", "transaction.state.log", "share.coordinator.state.topic")) {
            p.setProperty(internal + ".replication.factor", "1");
            p.setProperty(internal + ".min.isr", "1");
        }
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("log.retention.hours", "168");
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(file)) {
                p.store(out, "written by certboard devstack");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void format(Path properties) {
        ChildProcess tool = ChildProcess.startJava("kafka-storage", List.of("-XX:TieredStopAtLevel=1", "-cp",
                brokerClasspath()), List.of("kafka.tools.StorageTool", "format", "--standalone", "--ignore-formatted",
                        "-t", clusterId(), "-c", properties.toString()), dataDir.resolve("format.log"));
        Ports.await("Kafka storage format", Duration.ofSeconds(60), () -> !tool.isAlive());
        if (!Files.exists(dataDir.resolve("logs/meta.properties"))) {
            throw new IllegalStateException("formatting Kafka storage failed:\n" + tool.tail(30));
        }
    }

    /**
     * Kafka cluster ids are 16 random bytes, base64url without padding; one starting with '-' would be read as an
     * option by the storage tool, so draw again.
     */
    private static String clusterId() {
        while (true) {
            UUID uuid = UUID.randomUUID();
            ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits())
                    .putLong(uuid.getLeastSignificantBits());
            String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
            if (!id.startsWith("-")) {
                return id;
            }
        }
    }

    /** The broker's classpath, as resolved by Maven when the kafka-broker module was built, plus that module. */
    static String brokerClasspath() {
        URL resource = KafkaBroker.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(CLASSPATH_RESOURCE + " is not on the classpath: build the kafka-broker module");
        }
        try (InputStream in = resource.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return moduleRoot(resource) + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String moduleRoot(URL resource) {
        try {
            String url = resource.toString();
            if (url.startsWith("jar:")) {
                return Path.of(new URL(url.substring(4, url.indexOf("!/"))).toURI()).toString();
            }
            Path file = Path.of(resource.toURI());
            return file.getParent().getParent().getParent().getParent().toString();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kafka-broker module from " + resource, e);
        }
    }
}
