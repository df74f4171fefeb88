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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.certboard.events.EventType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo's webhook partner: a small HTTP receiver in this process, subscribed (by the admin) to every event of
 * the board, that checks each request's Standard Webhooks signature with its own HMAC code and keeps what it
 * verified, to print after the golden path.
 */
final class WebhookDemo implements AutoCloseable {
    private record Verified(String type, String subject, String webhookId, boolean signatureValid) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Verified> received = new CopyOnWriteArrayList<>();
    private volatile String secret;

    WebhookDemo() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        server.createContext("/hooks/certboard", this::receive);
        server.start();
    }

    /** Subscribes the receiver (the local stack allow-lists 127.0.0.1 and accepts http in sandbox mode). */
    void subscribe(String candidateServiceUrl, String adminToken) throws IOException, InterruptedException {
        List<String> types = Arrays.stream(EventType.values())
                .filter(t -> t != EventType.CANDIDATE_REGISTERED_V1 && t != EventType.CANDIDATE_UPDATED_V1)
                .map(EventType::type).toList();
        String body = JSON.writeValueAsString(Map.of("name", "demo partner", "url", "http://127.0.0.1:"
                + server.getAddress().getPort() + "/hooks/certboard", "scope", "BOARD", "eventTypes", types));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(candidateServiceUrl + "/webhook-subscriptions"))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("could not subscribe the demo's webhook receiver: " + answer.body());
        }
        secret = JSON.readTree(answer.body()).get("secret").asText();
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
                out.printf("  %-50s webhook-id %s  signature %s%n", v.type(), v.webhookId(),
                        v.signatureValid() ? "valid" : "INVALID");
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
        received.add(new Verified(event.path("type").asText(), event.path("subject").asText(), id, valid));
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

    @Override
    public void close() {
        server.stop(0);
    }
}
