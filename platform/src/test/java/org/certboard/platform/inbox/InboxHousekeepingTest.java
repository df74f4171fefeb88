package org.certboard.platform.inbox;

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

/** The inbox's own upkeep, on a second instance beside the application's: retention of event ids, parking gauges. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class InboxHousekeepingTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @Test
    void processedEventsOlderThanTheRetentionAreDeletedNewerOnesKept() throws SQLException {
        UUID old = processed(Duration.ofDays(31));
        UUID recent = processed(Duration.ofDays(29));
        // the deletion runs on the first turn, then hourly
        InboxHousekeeping housekeeping = new InboxHousekeeping(new SimpleMeterRegistry(), Duration.ofDays(30),
                jdbcUrl, user, Optional.empty());
        housekeeping.start(new StartupEvent());
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> !exists(old));
            assertThat(exists(recent)).isTrue();
        } finally {
            housekeeping.stop(new ShutdownEvent());
        }
    }

    @Test
    void theParkingGaugesCountTheKeysAndEventsThatWait() throws SQLException {
        String topic = "certboard.housekeeping-test." + UUID.randomUUID();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        park(topic, first, true);
        park(topic, first, false);
        park(topic, second, true);
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        InboxHousekeeping housekeeping = new InboxHousekeeping(registry, Duration.ofDays(30), jdbcUrl, user,
                Optional.empty());
        housekeeping.start(new StartupEvent());
        try {
            long keysBefore = TestDatabase.count("select count(distinct (topic, event_key)) from parked_event");
            long eventsBefore = TestDatabase.count("select count(*) from parked_event");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(registry.get("certboard.consumer.parked.keys").gauge().value()).isEqualTo(keysBefore);
                assertThat(registry.get("certboard.consumer.parked.events").gauge().value()).isEqualTo(eventsBefore);
            });
            assertThat(keysBefore).isGreaterThanOrEqualTo(2);
            assertThat(eventsBefore).isGreaterThanOrEqualTo(3);
        } finally {
            housekeeping.stop(new ShutdownEvent());
            try (Connection c = TestDatabase.connect();
                    PreparedStatement delete = c.prepareStatement("delete from parked_event where topic = ?")) {
                delete.setString(1, topic);
                delete.executeUpdate();
            }
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

    private static void park(String topic, String key, boolean deadLetter) throws SQLException {
        try (Connection c = TestDatabase.connect(); PreparedStatement insert = c.prepareStatement(
                "insert into parked_event (topic, event_key, event_id, type, source, subject, occurred_at, payload,"
                        + " dead_letter) values (?, ?, ?, 'org.certboard.test.Test.v1', '/certboard/test', ?, now(),"
                        + " '{}', ?)")) {
            insert.setString(1, topic);
            insert.setString(2, key);
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, key);
            insert.setBoolean(5, deadLetter);
            insert.executeUpdate();
        }
    }

    private static boolean exists(UUID id) {
        return TestDatabase.count("select count(*) from processed_event where event_id = ?", id) == 1;
    }
}
