package org.certboard.devstack.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.certboard.devstack.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/** Talks to the three services only through their public REST API (shared/api.md), as a front end would. */
public final class BoardClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP answer: status and JSON body (a missing node when there is none). */
    public record Answer(int status, JsonNode body, String raw) {
        public String text(String field) {
            return body.path(field).asText(null);
        }

        public Answer expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + raw);
            }
            return this;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<Service, String> baseUrls;

    public BoardClient(Map<Service, String> baseUrls) {
        this.baseUrls = baseUrls;
    }

    public Answer get(Service service, String path) {
        return send(service, path, "GET", null);
    }

    public Answer post(Service service, String path, Object body) {
        return send(service, path, "POST", body);
    }

    public Answer put(Service service, String path, Object body) {
        return send(service, path, "PUT", body);
    }

    public Answer delete(Service service, String path) {
        return send(service, path, "DELETE", null);
    }

    /** The board clock as the given service sees it (sandbox mode). */
    public Instant now(Service service) {
        return Instant.parse(get(service, "/admin/clock").expect(200).text("now"));
    }

    /** Moves every service's board clock to the same instant, renewal-service last. */
    public void moveClocksTo(Instant target) {
        for (Service service : Service.values()) {
            Instant now = now(service);
            if (now.isBefore(target)) {
                post(service, "/admin/clock", Map.of("setTo", target.toString())).expect(200);
            }
        }
    }

    private Answer send(Service service, String path, String method, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            JsonNode json = raw == null || raw.isBlank() ? MissingNode.getInstance() : JSON.readTree(raw);
            return new Answer(response.statusCode(), json, raw);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
