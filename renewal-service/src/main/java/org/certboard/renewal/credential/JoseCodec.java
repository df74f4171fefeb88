package org.certboard.renewal.credential;

import java.util.Date;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Secures credentials as JWTs the VC-JOSE-COSE way: the claims are the credential itself (no {@code vc} wrapper),
 * {@code typ} names the media type without its {@code application/} prefix, {@code kid} names the board's key.
 * {@code iss} and {@code jti} repeat the issuer and credential ids; {@code iat} is when it was signed.
 */
public final class JoseCodec {
    public static final String CREDENTIAL_MEDIA_TYPE = "application/vc+jwt";

    private JoseCodec() {
    }

    public static String sign(Map<String, Object> credential, SigningKey key, Date signedAt) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder();
            credential.forEach(claims::claim);
            @SuppressWarnings("unchecked")
            Map<String, Object> issuer = (Map<String, Object>) credential.get("issuer");
            claims.issuer((String) issuer.get("id")).issueTime(signedAt);
            if (credential.get("id") instanceof String id && id.startsWith("urn:uuid:")) {
                claims.jwtID(id);
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(key.algorithm()).type(new JOSEObjectType("vc+jwt"))
                    .contentType("vc").keyID(key.keyId()).build(), claims.build());
            jwt.sign(signer(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign with key " + key.keyId(), e);
        }
    }

    private static JWSSigner signer(SigningKey key) throws JOSEException {
        if (key.jwk() instanceof ECKey ec) {
            return new ECDSASigner(ec);
        }
        return new RSASSASigner((RSAKey) key.jwk());
    }
}
