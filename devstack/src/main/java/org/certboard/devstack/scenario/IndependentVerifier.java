package org.certboard.devstack.scenario;

import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.json.JsonUtil;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Checks a credential as an employer's system would: with a JOSE library of its own (jose4j, not the board's), against
 * the keys the board publishes, and reads what the credential states. It asks the board nothing else.
 */
public final class IndependentVerifier {

    /** What the credential states, once its signature holds. */
    public record Stated(String achievement, String certificationNumber, String validUntil) {
    }

    private IndependentVerifier() {
    }

    /** The credential's statements; fails when the board's keys do not verify its signature. */
    public static Stated verify(String jwt, String jwks) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setCompactSerialization(jwt);
            jws.setKey(new VerificationJwkSelector().select(jws, new JsonWebKeySet(jwks).getJsonWebKeys()).getKey());
            if (!jws.verifySignature()) {
                throw new AssertionError("the credential's signature does not verify with the board's keys");
            }
            Map<String, Object> credential = JsonUtil.parseJson(jws.getPayload());
            if (!(credential.get("type") instanceof List<?> types) || !types.contains("OpenBadgeCredential")) {
                throw new AssertionError("not an OpenBadgeCredential: " + credential.get("type"));
            }
            Map<?, ?> subject = (Map<?, ?>) credential.get("credentialSubject");
            Map<?, ?> achievement = (Map<?, ?>) subject.get("achievement");
            return new Stated(String.valueOf(achievement.get("name")), String.valueOf(subject.get("licenseNumber")),
                    String.valueOf(credential.get("validUntil")));
        } catch (JoseException e) {
            throw new AssertionError("not a credential the board's keys can check: " + e.getMessage(), e);
        }
    }
}
