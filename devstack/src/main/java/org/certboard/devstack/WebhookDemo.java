package org.certboard.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.certboard.events.EventType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook partner of the demo: a small HTTP receiver in this process, subscribed by the admin (to every event of
 * the board, or as a CE provider to the credits that name it), that checks each request's Standard Webhooks
 * signature with its own HMAC code and keeps what it verified, to print after the golden path. Closing it ends the
 * subscription, so that the next run of the demo does not leave deliveries to a receiver that is gone.
 */
final class WebhookDemo implements AutoCloseable {
    /** {@code providerId}: the CE provider a CeCreditLogged names, else null. */
    private record Verified(String type, String subject, String webhookId, boolean signatureValid, String providerId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String subscriptions;
    private final Supplier<String> adminToken;
    private final HttpServer server;
    private final List<Verified> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private volatile URI subscription;

    /** A receiver that the admin (with {@code adminToken}) subscribes at candidate-service. */
    WebhookDemo(String candidateServiceUrl, Supplier<String> adminToken) throws IOException {
        this.subscriptions = candidateServiceUrl + "/webhook-subscriptions";
        this.adminToken = adminToken;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/hooks/certboard", this::receive);
        server.start();
    }

    /** Subscribes the receiver to every event type the scope BOARD allows. */
    void subscribeBoard() throws IOException, InterruptedException {
        List<String> types = Arrays.stream(EventType.values())
                .filter(t -> t != EventType.CANDIDATE_REGISTERED_V1 && t != EventType.CANDIDATE_UPDATED_V1)
                .map(EventType::type).toList();
        subscribe(Map.of("name", "demo partner", "scope", "BOARD", "eventTypes", types));
    }

    /** Subscribes the receiver as the CE provider {@code providerId}: the credits that name it, nothing else. */
    void subscribeCeProvider(String providerId) throws IOException, InterruptedException {
        subscribe(Map.of("name", "demo CE provider " + providerId, "scope", "CE_PROVIDER", "providerId", providerId,
                "eventTypes", List.of(EventType.CE_CREDIT_LOGGED.type())));
    }

    /** The local stack allow-lists 127.0.0.1 and accepts http in sandbox mode. */
    private void subscribe(Map<String, Object> fields) throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/certboard");
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(subscriptions))
                .header("Authorization", "Bearer " + adminToken.get()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("could not subscribe the demo's webhook receiver: " + answer.body());
        }
        JsonNode created = JSON.readTree(answer.body());
        secret = created.get("secret").asText();
        subscription = URI.create(subscriptions + "/" + created.get("id").asText());
    }

    /** Prints what arrived about {@code candidateId}, waiting up to {@code patience} for the last deliveries. */
    void print(PrintStream out, String candidateId, Duration patience) throws InterruptedException {
        Instant until = Instant.now().plus(patience);
        int seen = -1;
        while (Instant.now().isBefore(until) && seen != count(candidateId)) {
            seen = count(candidateId);
            Thread.sleep(1500);
        }
        for (Verified v : received) {
            if (candidateId.equals(v.subject())) {
                out.printf("  %-50s webhook-id %s  signature %s%s%n", v.type(), v.webhookId(),
                        v.signatureValid() ? "valid" : "INVALID",
                        v.providerId() != null ? "  provider " + v.providerId() : "");
            }
        }
    }

    private int count(String candidateId) {
        return (int) received.stream().filter(v -> candidateId.equals(v.subject())).count();
    }

    private void receive(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        boolean valid = id != null && timestamp != null && signatures != null && secret != null
                && verify(id, timestamp, body, signatures);
        JsonNode event = JSON.readTree(body);
        JsonNode provider = event.path("data").path("providerId");
        received.add(new Verified(event.path("type").asText(), event.path("subject").asText(), id, valid,
                provider.isTextual() ? provider.asText() : null));
        exchange.sendResponseHeaders(valid ? 204 : 401, -1);
        exchange.close();
    }

    private boolean verify(String id, String timestamp, byte[] body, String header) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            byte[] expected = mac.doFinal(body);
            return Arrays.stream(header.split(" ")).filter(s -> s.startsWith("v1,"))
                    .anyMatch(s -> MessageDigest.isEqual(Base64.getDecoder().decode(s.substring(3)), expected));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Ends the subscription (its deliveries go with it), then stops the receiver. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (subscription != null) {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(subscription)
                        .header("Authorization", "Bearer " + adminToken.get()).DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 204) {
                    throw new IllegalStateException("could not end the demo's webhook subscription " + subscription
                            + ": " + answer.statusCode() + " " + answer.body());
                }
            }
        } finally {
            server.stop(0);
        }
    }
}
