package org.certboard.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.certboard.devstack.testing.RealInfrastructure;
import org.certboard.devstack.testing.TestDatabase;
import org.certboard.devstack.testing.TopicProbe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * One trace from the HTTP request that wrote an outbox row, through the relay's Kafka record, to the consumer that
 * processed the event.
 */
@QuarkusTest
@TestProfile(TraceAcrossEventsTest.Tracing.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class TraceAcrossEventsTest {
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "100ms");
        }
    }

    /** Quarkus exports to every SpanExporter bean; this one keeps the spans for the test to read. */
    @Singleton
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    @Inject
    InMemorySpanExporter spans;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theConsumerContinuesTheTraceOfTheRequestThatWroteTheEvent() throws Exception {
        String id;
        try (TopicProbe probe = new TopicProbe(bootstrapServers, "certboard.candidate.events")) {
            id = given().contentType(ContentType.JSON)
                    .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                    .body(Map.of("email", "traced@example.org", "failAfterOutbox", false))
                    .post("/test/registrations").then().statusCode(200).extract().path("id");

            String traceparent;
            try (Connection c = TestDatabase.connect(); PreparedStatement select = c.prepareStatement(
                    "select traceparent from outbox_event where event_key = ?")) {
                select.setString(1, id);
                try (ResultSet row = select.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    traceparent = row.getString(1);
                }
            }
            assertThat(traceparent).startsWith("00-" + TRACE_ID + "-").doesNotContain("00f067aa0ba902b7");

            List<TopicProbe.Received> received = probe.await(r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(received.get(0).header("traceparent")).isEqualTo(traceparent);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(spans.getFinishedSpanItems())
                .filteredOn(span -> span.getKind() == SpanKind.CONSUMER && span.getName().endsWith(" process"))
                .extracting(SpanData::getTraceId).contains(TRACE_ID));
        assertThat(spans.getFinishedSpanItems()).filteredOn(span -> span.getKind() == SpanKind.SERVER)
                .extracting(SpanData::getTraceId).contains(TRACE_ID);
    }
}
