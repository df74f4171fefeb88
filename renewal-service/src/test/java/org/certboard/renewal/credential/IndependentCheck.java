package org.certboard.renewal.credential;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * A verifier's view of the running service, with none of its code: jose4j checks signatures against the published
 * JWKS, 1EdTech's published schema checks the credential, and the status list is decoded here, as the Bitstring Status
 * List specification describes it, not by the service's {@link Bitstring}.
 */
final class IndependentCheck {
    static final int VALID = 0b00;
    static final int SUSPENDED = 0b01;
    static final int REVOKED = 0b10;

    private IndependentCheck() {
    }

    /** The credential's claims, once its signature verifies and the OB 3.0 schema accepts it. */
    static Map<String, Object> conforming(String jwt) throws JoseException {
        Map<String, Object> claims = verified(jwt);
        assertThat(OpenBadgesSchema.errors(claims)).as("1EdTech's OB 3.0 schema on " + claims.get("id")).isEmpty();
        return claims;
    }

    /** jose4j: the signature against the published JWKS, then the claims. */
    static Map<String, Object> verified(String jwt) throws JoseException {
        JsonWebKeySet keys = new JsonWebKeySet(given().get("/.well-known/jwks.json").then().statusCode(200)
                .extract().asString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        jws.setKey(new VerificationJwkSelector().select(jws, keys.getJsonWebKeys()).getKey());
        assertThat(jws.verifySignature()).as("signature of " + jwt).isTrue();
        assertThat(jws.getHeader("typ")).isEqualTo("vc+jwt");
        return JsonUtil.parseJson(jws.getPayload());
    }

    /**
     * The credential's status as its one {@code credentialStatus} entry points to it: the signed list is fetched and
     * verified, its bitstring decoded, and the entry's {@code statusSize} bits at {@code statusListIndex} read, most
     * significant first.
     */
    static int status(Map<String, Object> credential) throws Exception {
        assertThat(credential.get("credentialStatus")).as("one status entry, as OB 3.0 requires").isInstanceOf(Map.class);
        Map<String, Object> entry = map(credential.get("credentialStatus"));
        assertThat(entry.get("type")).isEqualTo("BitstringStatusListEntry");
        assertThat(entry.get("statusPurpose")).isEqualTo("message");
        int size = ((Number) entry.get("statusSize")).intValue();
        assertThat((List<?>) entry.get("statusMessage")).hasSize(1 << size);
        String listUrl = (String) entry.get("statusListCredential");
        Map<String, Object> list = verified(given().get(listUrl.substring(listUrl.indexOf("/credentials/status/")))
                .then().statusCode(200).contentType(JoseCodec.CREDENTIAL_MEDIA_TYPE).extract().asString());
        assertThat(list.get("type")).asString().contains("BitstringStatusListCredential");
        Map<String, Object> subject = map(list.get("credentialSubject"));
        assertThat(subject.get("statusPurpose")).isEqualTo("message");
        byte[] bits = gunzip(Base64.getUrlDecoder().decode(((String) subject.get("encodedList")).substring(1)));
        assertThat(bits.length * 8 / size).as("herd privacy: at least 131,072 entries").isGreaterThanOrEqualTo(131072);
        long first = Long.parseLong((String) entry.get("statusListIndex")) * size;
        int value = 0;
        for (long bit = first; bit < first + size; bit++) {
            value = value << 1 | ((bits[(int) (bit / 8)] >> (7 - bit % 8)) & 1);
        }
        return value;
    }

    private static byte[] gunzip(byte[] compressed) throws IOException {
        try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return gzip.readAllBytes();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }
}
