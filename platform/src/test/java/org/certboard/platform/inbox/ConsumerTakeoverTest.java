package org.certboard.platform.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.certboard.devstack.testing.TestKafka;
import org.junit.jupiter.api.Test;

/**
 * A consumer process killed with SIGKILL (no LeaveGroup) holds its partitions until the broker declares its session
 * dead; the survivor in the same group must take it over within seconds, with the settings every service inherits
 * from the platform.
 */
class ConsumerTakeoverTest {
    private static final String PREFIX = "mp.messaging.connector.smallrye-kafka.";

    @Test
    void aKilledConsumersPartitionIsTakenOverWithinSeconds() throws Exception {
        String bootstrap = TestKafka.bootstrapServers();
        String topic = "certboard.takeover-test." + UUID.randomUUID();
        String group = "takeover-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        Map<String, String> settings = platformGroupSettings();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-cp", System.getProperty("java.class.path"), CrashedConsumerProcess.class.getName(),
                bootstrap, topic, group));
        settings.forEach((key, value) -> command.add(key + "=" + value));
        Process victim = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            awaitLine(victim.getInputStream(), "ASSIGNED 2", Duration.ofSeconds(60));

            Map<String, Object> config = new HashMap<>(settings);
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            try (KafkaConsumer<String, String> survivor = new KafkaConsumer<>(config, new StringDeserializer(),
                    new StringDeserializer())) {
                survivor.subscribe(List.of(topic));
                // the group splits the two partitions: one stays with the victim
                pollUntil(survivor, () -> survivor.assignment().size() == 1, Duration.ofSeconds(60));

                victim.destroyForcibly(); // SIGKILL: the member does not leave the group
                long killed = System.nanoTime();
                pollUntil(survivor, () -> survivor.assignment().equals(
                        Set.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1))), Duration.ofSeconds(60));
                Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
                System.out.printf("partition taken over %d ms after the kill%n", takeover.toMillis());
                assertThat(takeover).isLessThan(Duration.ofSeconds(15));
            }
        } finally {
            victim.destroyForcibly();
        }
    }

    /** The consumer group settings of the platform's defaults (session timeout, heartbeat interval). */
    private static Map<String, String> platformGroupSettings() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = EventConsumer.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        Map<String, String> settings = new HashMap<>();
        for (String name : List.of(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG)) {
            String value = defaults.getProperty(PREFIX + name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        return settings;
    }

    private static void pollUntil(KafkaConsumer<String, String> consumer, java.util.function.BooleanSupplier done,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
            consumer.poll(Duration.ofMillis(100));
        }
    }

    private static void awaitLine(InputStream output, String line, Duration timeout) throws Exception {
        CompletableFuture<Void> seen = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
                for (String read; (read = lines.readLine()) != null;) {
                    if (read.equals(line)) {
                        seen.complete(null);
                    }
                }
            } catch (IOException e) {
                seen.completeExceptionally(e);
            }
        }, "victim-output");
        reader.setDaemon(true);
        reader.start();
        seen.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
