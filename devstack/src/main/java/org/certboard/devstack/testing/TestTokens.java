package org.certboard.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.certboard.devstack.scenario.TokenSource;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Access tokens for tests and benchmarks, shaped like the board's provider issues them (subject, realm roles under
 * {@code realm_access.roles}, audience {@code certboard}) and signed with a key made for this JVM alone. Services
 * started with {@link #serviceConfig()} trust that key instead of asking a provider, so no identity server is needed
 * per test JVM; one system test plays the real provider.
 */
public final class TestTokens {
    public static final String ISSUER = "https://certboard.test/realms/test";
    public static final String AUDIENCE = "certboard";
    private static final RsaJsonWebKey KEY = generate();
    private static final TokenSource SOURCE = new CachingSource();

    private TestTokens() {
    }

    /** A token for {@code subject} holding {@code roles}, valid for an hour; no email claim. */
    public static String token(String subject, String... roles) {
        return sign(claims(subject, roles));
    }

    /**
     * A token carrying {@code email} with {@code email_verified} as given, as the board's provider issues them for a
     * person; the services take a verified address as the account's own.
     */
    public static String withEmail(String subject, String email, boolean verified, String... roles) {
        JwtClaims claims = claims(subject, roles);
        claims.setClaim("email", email);
        claims.setClaim("email_verified", verified);
        return sign(claims);
    }

    /** A person's token: role candidate, {@code email} verified. */
    public static String candidate(String subject, String email) {
        return withEmail(subject, email, true, "candidate");
    }

    private static JwtClaims claims(String subject, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        claims.setClaim("preferred_username", subject);
        return claims;
    }

    /** A token for a new, random subject. */
    public static String forNewSubject(String... roles) {
        return token(UUID.randomUUID().toString(), roles);
    }

    /**
     * The scenarios' tokens signed with this JVM's key: fixed subjects for staff, vendor and admin, and for each
     * candidate email a subject of its own (stable across calls, as a provider's user id is) and that email, verified.
     */
    public static TokenSource source() {
        return SOURCE;
    }

    /** Signs arbitrary claims with the trusted key: for tests of what the services do with odd tokens. */
    public static String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(KEY.getPrivateKey());
        jws.setKeyIdHeaderValue(KEY.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    /** The service configuration that makes a service trust these tokens (and only these). */
    public static Map<String, String> serviceConfig() {
        return Map.of("quarkus.oidc.public-key", Base64.getEncoder().encodeToString(KEY.getPublicKey().getEncoded()),
                "quarkus.oidc.token.issuer", ISSUER);
    }

    /** Signing costs about a millisecond; pollers ask for a token every few milliseconds, so tokens are reused. */
    private static final class CachingSource implements TokenSource {
        private static final Duration REUSE = Duration.ofMinutes(50);

        private record Issued(String token, Instant at) {
        }

        private final Map<String, Issued> issued = new ConcurrentHashMap<>();

        @Override
        public String staff() {
            return cached("staff", "staff");
        }

        @Override
        public String vendor() {
            return cached("service-account-vendor", "vendor");
        }

        @Override
        public String admin() {
            return cached("admin", "admin");
        }

        @Override
        public String candidate(String email) {
            String subject = UUID.nameUUIDFromBytes(email.getBytes(StandardCharsets.UTF_8)).toString();
            return cached(subject, () -> TestTokens.candidate(subject, email));
        }

        private String cached(String subject, String role) {
            return cached(subject, () -> token(subject, role));
        }

        private String cached(String subject, Supplier<String> token) {
            Instant now = Instant.now();
            return issued.compute(subject, (s, old) -> old != null && old.at().plus(REUSE).isAfter(now) ? old
                    : new Issued(token.get(), now)).token();
        }
    }

    private static RsaJsonWebKey generate() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-" + UUID.randomUUID());
            return key;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot make a test signing key", e);
        }
    }
}
