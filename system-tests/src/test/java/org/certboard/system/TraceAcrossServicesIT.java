package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Service;
import org.certboard.devstack.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * One request, one trace, across processes: candidate-service's HTTP request writes CandidateRegistered to its
 * outbox with the request's traceparent, the relay sends it as a Kafka header, and exam-service's consumer span
 * continues that trace. The services export to an OTLP receiver in this JVM (stack of its own, tracing switched on).
 */
class TraceAcrossServicesIT {

    @Test
    void candidateServicesRequestAndExamServicesConsumerAreOneTrace() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start()) {
            LocalStack stack = SystemStack.start(options -> options.withExtraConfig(Map.of(
                    "quarkus.otel.sdk.disabled", "false",
                    "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                    "quarkus.otel.exporter.otlp.traces.endpoint", receiver.url(),
                    "quarkus.otel.bsp.schedule.delay", "100ms")));
            byte[] traceId = new byte[16];
            new java.security.SecureRandom().nextBytes(traceId);
            String traceparent = "00-" + HexFormat.of().formatHex(traceId) + "-00f067aa0ba902b7-01";

            String email = "ada-" + UUID.randomUUID() + "@example.org";
            HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.url(Service.CANDIDATE) + "/candidates"))
                    .header("Authorization", "Bearer " + TestTokens.candidate(UUID.randomUUID().toString(), email))
                    .header("Content-Type", "application/json").header("traceparent", traceparent)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"givenName\":\"Ada\",\"familyName\":\"Lovelace\","
                            + "\"email\":\"" + email + "\",\"dateOfBirth\":\"1985-12-10\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.anyExportWith(traceId,
                    OtlpReceiver.utf8("exam-service"),
                    OtlpReceiver.utf8("org.certboard.candidate.CandidateRegistered.v2 process")));
            assertThat(receiver.anyExportWith(traceId, OtlpReceiver.utf8("candidate-service")))
                    .as("candidate-service's own spans of the request").isTrue();
        }
    }
}
