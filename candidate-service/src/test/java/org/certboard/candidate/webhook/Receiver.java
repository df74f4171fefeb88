package org.certboard.candidate.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP subscriber in the test JVM (the JDK's server): each path is one subscriber that verifies the Standard
 * Webhooks signature with its own HMAC code and records what it accepted. Path kinds: {@code /ok/*} answers 200,
 * {@code /flaky/*} 500 to its first request then 200, {@code /down/*} 503 while {@link #down} is set, {@code /hang/*}
 * never answers until {@link #close}.
 */
final class Receiver implements AutoCloseable {
    /** What a subscriber accepted: the CloudEvent and when it arrived (wall time, ms). */
    record Received(String webhookId, JsonNode event, long arrivedAtMillis) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, List<String>> secrets = new ConcurrentHashMap<>();
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> hangingSince = new ConcurrentHashMap<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final CountDownLatch released = new CountDownLatch(1);
    volatile boolean down;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The secrets a subscriber accepts signatures of (after a rotation: the new one alone). */
    void trust(String path, String... secret) {
        secrets.put(path, List.of(secret));
    }

    List<Received> received(String path) {
        return received.getOrDefault(path, List.of());
    }

    int requests(String path) {
        return requests.computeIfAbsent(path, p -> new AtomicInteger()).get();
    }

    /** When each request to a hanging subscriber arrived (wall time, ms). */
    List<Long> hangingSince(String path) {
        return hangingSince.getOrDefault(path, List.of());
    }

    int badSignatures() {
        return badSignatures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        int count = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.startsWith("/hang/")) {
            hangingSince.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(System.currentTimeMillis());
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
            return;
        }
        if (path.startsWith("/flaky/") && count == 1 || path.startsWith("/down/") && down) {
            answer(exchange, path.startsWith("/down/") ? 503 : 500, "{\"error\":\"try later\"}");
            return;
        }
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
        String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
        String text = new String(body, StandardCharsets.UTF_8);
        if (id == null || timestamp == null || signatures == null
                || !verified(secrets.getOrDefault(path, List.of()), id, timestamp, text, signatures)
                || Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) > 300) {
            badSignatures.incrementAndGet();
            answer(exchange, 401, "bad signature");
            return;
        }
        received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                .add(new Received(id, JSON.readTree(text), System.currentTimeMillis()));
        answer(exchange, 200, "ok");
    }

    /** Any one v1 signature made with any trusted secret over id.timestamp.body, compared in constant time. */
    static boolean verified(List<String> trusted, String id, String timestamp, String body, String header) {
        List<byte[]> offered = new ArrayList<>();
        for (String part : header.split(" ")) {
            if (part.startsWith("v1,")) {
                offered.add(Base64.getDecoder().decode(part.substring(3)));
            }
        }
        for (String secret : trusted) {
            byte[] expected = hmac(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    id + "." + timestamp + "." + body);
            if (offered.stream().anyMatch(sig -> MessageDigest.isEqual(sig, expected))) {
                return true;
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
