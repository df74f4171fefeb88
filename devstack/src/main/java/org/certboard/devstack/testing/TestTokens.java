package org.certboard.devstack.testing;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private TestTokens() {
    }

    /** A token for {@code subject} holding {@code roles}, valid for an hour. */
    public static String token(String subject, String... roles) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setAudience(AUDIENCE);
        claims.setSubject(subject);
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        claims.setClaim("realm_access", Map.of("roles", List.of(roles)));
        claims.setClaim("preferred_username", subject);
        return sign(claims);
    }

    /** A token for a new, random subject. */
    public static String forNewSubject(String... roles) {
        return token(UUID.randomUUID().toString(), roles);
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
