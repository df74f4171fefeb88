package org.certboard.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.certboard.devstack.KafkaBroker;
import org.certboard.devstack.Ports;
import org.certboard.events.Topics;

/**
 * One real Kafka broker per test JVM, started on first use on free ports and stopped when the JVM exits; or, when
 * CERTBOARD_KAFKA_BOOTSTRAP is set, the broker it names.
 */
public final class TestKafka {
    private static KafkaBroker broker;
    private static String bootstrapServers;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            String external = System.getenv("CERTBOARD_KAFKA_BOOTSTRAP");
            if (external != null && !external.isBlank()) {
                bootstrapServers = external;
            } else {
                broker = startOwnBroker();
                broker.createTopics(Topics.ALL, 3);
                bootstrapServers = broker.bootstrapServers();
            }
        }
        return bootstrapServers;
    }

    /** The broker this JVM started, for tests that stop and restart it; fails when an external one is used. */
    public static synchronized KafkaBroker broker() {
        bootstrapServers();
        if (broker == null) {
            throw new IllegalStateException("the tests use the external broker named by CERTBOARD_KAFKA_BOOTSTRAP");
        }
        return broker;
    }

    private static KafkaBroker startOwnBroker() {
        try {
            Path dir = Files.createTempDirectory("certboard-kafka-test");
            KafkaBroker started = KafkaBroker.start(dir, Ports.free(), Ports.free());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.stop();
                delete(dir);
            }));
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
