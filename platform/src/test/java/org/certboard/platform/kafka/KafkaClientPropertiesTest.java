package org.certboard.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class KafkaClientPropertiesTest {
    private static final Map<String, Object> KAFKA = Map.of(
            "bootstrap.servers", "kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
            "ssl.truststore.location", "/etc/kafka/ca.p12",
            "group.id", "exam-service",
            "acks", "1");

    @Test
    void producerTakesTheSecuritySettingsAndKeepsItsOwn() {
        Map<String, Object> producer = KafkaClientProperties.producer(KAFKA, Map.of("acks", "all"));

        assertThat(producer).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", KAFKA.get("sasl.jaas.config"))
                .containsEntry("ssl.truststore.location", "/etc/kafka/ca.p12")
                .containsEntry("acks", "all")
                .doesNotContainKey("group.id");
    }

    @Test
    void adminClientTakesTheSecuritySettingsButNoProducerSettings() {
        Map<String, Object> admin = KafkaClientProperties.admin(KAFKA, Map.of("request.timeout.ms", 2000));

        assertThat(admin).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.jaas.config", KAFKA.get("sasl.jaas.config"))
                .containsEntry("request.timeout.ms", 2000)
                .doesNotContainKeys("acks", "group.id");
    }
}
