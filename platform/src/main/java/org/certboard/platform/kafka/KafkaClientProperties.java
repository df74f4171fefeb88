package org.certboard.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The configuration of the Kafka clients the platform builds itself (the outbox relay's producer, the readiness
 * check's admin client, a replay's consumer). They take every {@code kafka.*} property, as SmallRye's channels do, so that
 * {@code security.protocol}, {@code sasl.*} and {@code ssl.*} reach them too, not only {@code bootstrap.servers}.
 * <p>
 * The source is Quarkus' {@code default-kafka-broker} map: all {@code kafka.*} properties with the prefix removed,
 * including environment variables such as {@code KAFKA_SASL_JAAS_CONFIG}. Keys the client does not know (a consumer's
 * {@code group.id} in a producer) are left out so the client does not warn about them; the caller's settings win.
 */
public final class KafkaClientProperties {
    private KafkaClientProperties() {
    }

    public static Map<String, Object> producer(Map<String, Object> kafka, Map<String, Object> settings) {
        return merge(kafka, ProducerConfig.configNames(), settings);
    }

    public static Map<String, Object> consumer(Map<String, Object> kafka, Map<String, Object> settings) {
        return merge(kafka, ConsumerConfig.configNames(), settings);
    }

    public static Map<String, Object> admin(Map<String, Object> kafka, Map<String, Object> settings) {
        return merge(kafka, AdminClientConfig.configNames(), settings);
    }

    private static Map<String, Object> merge(Map<String, Object> kafka, Set<String> known,
            Map<String, Object> settings) {
        Map<String, Object> properties = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (known.contains(key)) {
                properties.put(key, value);
            }
        });
        properties.putAll(settings);
        return properties;
    }
}
