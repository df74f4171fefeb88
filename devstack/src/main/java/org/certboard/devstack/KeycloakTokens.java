package org.certboard.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.certboard.devstack.scenario.TokenSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tokens from the local Keycloak's certboard realm ({@code deploy/local/keycloak/certboard-realm.json}): the demo
 * users staff and admin and every candidate sign in with their password through the development-only client
 * {@code certboard-dev}; the vendor uses its client credentials. A candidate email not known yet becomes a user with
 * the role candidate (through the admin API, as the master realm's administrator). Tokens are reused until a minute
 * before they expire.
 * <p>
 * Every password here exists only in the local realm file and this class: a board's own provider has none of them.
 */
public final class KeycloakTokens implements TokenSource {
    /** The password every candidate user made here gets (local development only). */
    public static final String CANDIDATE_PASSWORD = "candidate";
    private static final String DEV_CLIENT = "certboard-dev";
    private static final String VENDOR_CLIENT = "vendor";
    private static final String VENDOR_SECRET = "vendor-local-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Token(String value, Instant expiresAt) {
        boolean fresh() {
            return Instant.now().plusSeconds(60).isBefore(expiresAt);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();

    /** @param baseUrl the Keycloak server, e.g. {@code http://127.0.0.1:8180} */
    public KeycloakTokens(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public String staff() {
        return cached("user:staff", () -> passwordGrant("staff", "staff"));
    }

    @Override
    public String vendor() {
        return cached("client:vendor", () -> grant(KeycloakServer.REALM, Map.of("grant_type", "client_credentials",
                "client_id", VENDOR_CLIENT, "client_secret", VENDOR_SECRET)));
    }

    @Override
    public String admin() {
        return cached("user:admin", () -> passwordGrant("admin", "admin"));
    }

    @Override
    public String candidate(String email) {
        String address = email.toLowerCase(Locale.ROOT);
        String username = username(address);
        return cached("candidate:" + username, () -> {
            String userId = ensureCandidate(username, address);
            try {
                return passwordGrant(username, CANDIDATE_PASSWORD);
            } catch (IllegalStateException refused) {
                // the user was made elsewhere (e.g. in the admin console) with another password: local realm only
                resetPassword(userId);
                return passwordGrant(username, CANDIDATE_PASSWORD);
            }
        });
    }

    private interface Fetch {
        Token get();
    }

    /** Two threads may both fetch a stale token; either answer is good, and no lock is held over HTTP. */
    private String cached(String key, Fetch fetch) {
        Token current = tokens.get(key);
        if (current == null || !current.fresh()) {
            current = fetch.get();
            tokens.put(key, current);
        }
        return current.value();
    }

    private Token passwordGrant(String username, String password) {
        return grant(KeycloakServer.REALM, Map.of("grant_type", "password", "client_id", DEV_CLIENT,
                "username", username, "password", password, "scope", "openid"));
    }

    private Token grant(String realm, Map<String, String> form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm
                + "/protocol/openid-connect/token")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + form.getOrDefault("username",
                    form.get("client_id")) + " (HTTP " + response.statusCode() + "): " + response.body());
        }
        JsonNode body = read(response.body());
        return new Token(body.path("access_token").asText(),
                Instant.now().plusSeconds(body.path("expires_in").asLong(60)));
    }

    /**
     * The user name of the person who signs in with {@code address}: not the address itself, which Keycloak refuses
     * when it holds characters valid in an address but not in a user name (an apostrophe); a digest of it instead,
     * stable across runs. The address is the user's email, verified, so tokens carry it as {@code email}.
     */
    static String username(String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(address.getBytes(StandardCharsets.UTF_8));
            return "candidate-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Finds the user by username or makes them, with {@code email} verified and the role candidate; their id. */
    private String ensureCandidate(String username, String email) {
        String admin = cached("master:admin", () -> grant("master", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", KeycloakServer.ADMIN_USERNAME,
                "password", KeycloakServer.ADMIN_PASSWORD)));
        String users = baseUrl + "/admin/realms/" + KeycloakServer.REALM + "/users";
        JsonNode found = read(expect(200, send(adminRequest(admin, users + "?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8)).GET())).body());
        if (!found.isEmpty()) {
            return found.get(0).path("id").asText();
        }
        String name = email.substring(0, Math.max(0, email.indexOf('@'))).replaceAll("[^\\p{L}]+", " ").strip();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("email", email);
        user.put("emailVerified", true);
        user.put("enabled", true);
        // the realm's user profile asks for names; the person's real names live in their candidate profile
        user.put("firstName", name.isEmpty() ? "Local" : name);
        user.put("lastName", "Candidate");
        user.put("credentials", List.of(Map.of("type", "password", "value", CANDIDATE_PASSWORD, "temporary", false)));
        HttpResponse<String> created = send(adminRequest(admin, users).POST(json(user)));
        if (created.statusCode() == 409) {
            return ensureCandidate(username, email);
        }
        expect(201, created);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        JsonNode role = read(expect(200, send(adminRequest(admin, baseUrl + "/admin/realms/" + KeycloakServer.REALM
                + "/roles/candidate").GET())).body());
        expect(204, send(adminRequest(admin, users + "/" + id + "/role-mappings/realm").POST(json(List.of(role)))));
        return id;
    }

    private void resetPassword(String userId) {
        String admin = tokens.get("master:admin").value();
        expect(204, send(adminRequest(admin, baseUrl + "/admin/realms/" + KeycloakServer.REALM + "/users/" + userId
                + "/reset-password").PUT(json(Map.of("type", "password", "value", CANDIDATE_PASSWORD,
                        "temporary", false)))));
    }

    private static HttpRequest.Builder adminRequest(String token, String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak at " + baseUrl + " does not answer (is the local stack"
                    + " running? deploy/local/run): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri()
                    + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable answer from Keycloak: " + body, e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /**
     * {@code deploy/local/token ROLE [EMAIL]}: prints an access token of the local realm for staff, vendor or admin,
     * or for the candidate with that email (made a user first if new). The token is the last line of standard output;
     * anything else goes to standard error.
     */
    public static void main(String[] args) {
        String url = System.getenv().getOrDefault("CERTBOARD_KEYCLOAK_URL", "http://127.0.0.1:8180");
        KeycloakTokens tokens = new KeycloakTokens(url);
        String role = args.length > 0 ? args[0] : "";
        String token;
        switch (role) {
            case "staff" -> token = tokens.staff();
            case "vendor" -> token = tokens.vendor();
            case "admin" -> token = tokens.admin();
            case "candidate" -> {
                if (args.length < 2 || !args[1].contains("@")) {
                    usage();
                    return;
                }
                token = tokens.candidate(args[1]);
                System.err.println("candidate " + args[1] + " (password " + CANDIDATE_PASSWORD
                        + ", local realm only)");
            }
            default -> {
                usage();
                return;
            }
        }
        System.out.println(token);
    }

    private static void usage() {
        System.err.println("usage: deploy/local/token staff | vendor | admin | candidate EMAIL");
        System.exit(2);
    }
}
