package org.certboard.platform.health;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.certboard.platform.kafka.KafkaClientProperties;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.common.annotation.Identifier;

/**
 * Reports whether the Kafka broker answers, without ever failing readiness: while Kafka is down a service still
 * takes writes, which wait in the outbox until the relay can publish them (that is what the outbox is for), and
 * consumers simply wait. Taking every pod out of service during a broker outage would turn a delay into an outage.
 * The broker's state shows as the check's {@code broker} member ({@code reachable} or {@code unreachable}); the
 * outbox backlog and age metrics tell how far publishing is behind.
 */
@Readiness
@ApplicationScoped
public class KafkaBrokerHealth implements HealthCheck {
    private final Admin admin;

    public KafkaBrokerHealth(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.admin = Admin.create(KafkaClientProperties.admin(kafka, Map.of(
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000)));
    }

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).size();
            return HealthCheckResponse.named("kafka").up().withData("broker", nodes > 0 ? "reachable" : "unreachable")
                    .withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka").up().withData("broker", "unreachable")
                    .withData("error", e.toString()).build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
