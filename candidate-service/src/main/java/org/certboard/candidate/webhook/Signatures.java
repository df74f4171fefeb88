package org.certboard.candidate.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signing: {@code v1,} + base64 of HMAC-SHA256 over {@code id.timestamp.body}, keyed with the bytes
 * of the secret after {@code whsec_}. Several secrets (during a rotation) give several signatures, space-separated.
 */
public final class Signatures {
    public static final String PREFIX = "whsec_";
    /** 24 to 64 bytes, the range Standard Webhooks recommends; base64 with or without padding. */
    private static final Pattern SECRET = Pattern.compile("whsec_[A-Za-z0-9+/]{32,88}={0,2}");
    private static final int MIN_BYTES = 24;
    private static final int MAX_BYTES = 64;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Signatures() {
    }

    /** A new secret: 32 random bytes. */
    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    /** Null when {@code secret} is acceptable, else why not. */
    public static String problemWith(String secret) {
        if (!SECRET.matcher(secret).matches()) {
            return "must be whsec_ followed by base64 of " + MIN_BYTES + " to " + MAX_BYTES + " bytes";
        }
        int length = keyOf(secret).length;
        return length < MIN_BYTES || length > MAX_BYTES
                ? "must be whsec_ followed by base64 of " + MIN_BYTES + " to " + MAX_BYTES + " bytes" : null;
    }

    /** The {@code webhook-signature} header's value. */
    public static String sign(List<String> secrets, String id, long timestamp, String body) {
        String content = id + "." + timestamp + "." + body;
        return secrets.stream().map(secret -> "v1," + hmac(keyOf(secret), content)).collect(Collectors.joining(" "));
    }

    private static byte[] keyOf(String secret) {
        return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
    }

    private static String hmac(byte[] key, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
