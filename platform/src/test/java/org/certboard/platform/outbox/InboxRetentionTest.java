package org.certboard.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class InboxRetentionTest {
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @Test
    void processedEventsOlderThanTheRetentionAreDeletedNewerOnesKept() throws SQLException {
        UUID old = processed(Duration.ofDays(31));
        UUID recent = processed(Duration.ofDays(29));
        // a relay's housekeeping runs on its first idle turn, then hourly
        OutboxRelay relay = new OutboxRelay(SeveralRelaysTest.smallBatches(), new SimpleMeterRegistry(),
                java.util.Map.of("bootstrap.servers", bootstrapServers), jdbcUrl, user, Optional.empty(), Duration.ofDays(30));
        relay.start(new StartupEvent());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !exists(old));
            assertThat(exists(recent)).isTrue();
        } finally {
            relay.stop(new ShutdownEvent());
        }
    }

    private static UUID processed(Duration ago) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into processed_event (event_id, type, source, processed_at, recorded_at)"
                        + " values (?, 'org.certboard.test.Test.v1', '/certboard/test', now(), now() - ?::interval)")) {
            insert.setObject(1, id);
            insert.setString(2, ago.toSeconds() + " seconds");
            insert.executeUpdate();
        }
        return id;
    }

    private static boolean exists(UUID id) {
        return TestDatabase.count("select count(*) from processed_event where event_id = ?", id) == 1;
    }
}
