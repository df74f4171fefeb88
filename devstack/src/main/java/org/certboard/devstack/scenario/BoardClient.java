package org.certboard.devstack.scenario;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import org.certboard.devstack.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Talks to the three services only through their public REST API, as a front end would, with one caller's bearer
 * token on every request ({@link #as(String)}), or none.
 */
public final class BoardClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One HTTP answer: status, JSON body (a missing node when there is none) and its ETag (null without one). */
    public record Answer(int status, JsonNode body, String raw, String etag) {
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

    /**
     * One request and its answer as the wire carried them, for checking answers against the service's OpenAPI
     * document: {@code path} without the query, {@code contentType} as sent (null when there was none).
     */
    public record Exchange(Service service, String method, String path, int status, String contentType, String body) {
    }

    private final HttpClient http;
    private final Map<Service, String> baseUrls;
    private final String bearer;
    private final Consumer<Exchange> recorder;

    /** An anonymous client; {@link #as(String)} gives one that carries a token. */
    public BoardClient(Map<Service, String> baseUrls) {
        this(baseUrls, exchange -> { });
    }

    /** An anonymous client that hands every exchange (its {@link #as(String)} clients' too) to {@code recorder}. */
    public BoardClient(Map<Service, String> baseUrls, Consumer<Exchange> recorder) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build(), baseUrls, null, recorder);
    }

    private BoardClient(HttpClient http, Map<Service, String> baseUrls, String bearer, Consumer<Exchange> recorder) {
        this.http = http;
        this.baseUrls = baseUrls;
        this.bearer = bearer;
        this.recorder = recorder;
    }

    /** The same services, called with {@code accessToken} as the bearer token. */
    public BoardClient as(String accessToken) {
        return new BoardClient(http, baseUrls, accessToken, recorder);
    }

    /** The same services, called without a token. */
    public BoardClient anonymous() {
        return new BoardClient(http, baseUrls, null, recorder);
    }

    public Answer get(Service service, String path) {
        return send(service, path, "GET", null);
    }

    /** A resource that is not JSON, as text: {@code raw} of the answer (e.g. a credential, application/vc+jwt). */
    public Answer getText(Service service, String path, String mediaType) {
        return send(service, path, "GET", null, mediaType);
    }

    public Answer post(Service service, String path, Object body) {
        return send(service, path, "POST", body);
    }

    /** A command on the version of the resource the caller read ({@code If-Match}: its ETag). */
    public Answer post(Service service, String path, Object body, String ifMatch) {
        return send(service, path, "POST", body, "application/json", ifMatch);
    }

    /** A change on the version of the resource the caller read ({@code If-Match}: its ETag). */
    public Answer patch(Service service, String path, Object body, String ifMatch) {
        return send(service, path, "PATCH", body, "application/json", ifMatch);
    }

    public Answer put(Service service, String path, Object body) {
        return send(service, path, "PUT", body);
    }

    public Answer delete(Service service, String path) {
        return send(service, path, "DELETE", null);
    }

    /** The board clock as the given service sees it (sandbox mode; call as admin). */
    public Instant now(Service service) {
        return Instant.parse(get(service, "/admin/clock").expect(200).text("now"));
    }

    /** Moves every service's board clock to the same instant, renewal-service last (call as admin). */
    public void moveClocksTo(Instant target) {
        for (Service service : Service.values()) {
            Instant now = now(service);
            if (now.isBefore(target)) {
                post(service, "/admin/clock", Map.of("setTo", target.toString())).expect(200);
            }
        }
    }

    private Answer send(Service service, String path, String method, Object body) {
        return send(service, path, method, body, "application/json");
    }

    private Answer send(Service service, String path, String method, Object body, String accept) {
        return send(service, path, method, body, accept, null);
    }

    private Answer send(Service service, String path, String method, Object body, String accept, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrls.get(service) + path))
                    .timeout(Duration.ofSeconds(60)).header("Accept", accept);
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            recorder.accept(new Exchange(service, method, response.uri().getRawPath(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), raw));
            JsonNode json = raw == null || raw.isBlank() || !accept.equals("application/json")
                    ? MissingNode.getInstance() : JSON.readTree(raw);
            return new Answer(response.statusCode(), json, raw, response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
