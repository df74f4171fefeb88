package org.certboard.renewal.credential;

import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;

/**
 * The board's private signing key with its algorithm and key id. EC (P-256 → ES256, P-384 → ES384) or RSA (RS256,
 * at least 2048 bits). Plain Java, so that tests can make several keys and rotate between them.
 */
public record SigningKey(JWK jwk, JWSAlgorithm algorithm) {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    public SigningKey {
        if (!jwk.isPrivate()) {
            throw new IllegalArgumentException("the signing key must contain the private key");
        }
        if (jwk.getKeyID() == null) {
            throw new IllegalArgumentException("the signing key needs a key id");
        }
    }

    public String keyId() {
        return jwk.getKeyID();
    }

    /** What the board publishes: the public half, marked for signatures with its algorithm. */
    public JWK publicJwk() {
        return jwk.toPublicJWK();
    }

    /** A fresh P-256 key, its id the RFC 7638 thumbprint: for sandbox mode and tests. */
    public static SigningKey generate() {
        try {
            return of(new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.ES256)
                    .keyIDFromThumbprint(true).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a signing key", e);
        }
    }

    /**
     * Reads configuration: a private JWK (JSON), or PEM with a {@code PRIVATE KEY} (PKCS #8) and a {@code PUBLIC KEY}
     * block (the JDK cannot derive an EC public key from the private one).
     */
    public static SigningKey parse(String text) {
        String trimmed = text.strip();
        try {
            return of(trimmed.startsWith("{") ? JWK.parse(trimmed) : fromPem(trimmed));
        } catch (ParseException | JOSEException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("certboard.credentials.signing-key is neither a private JWK nor a PEM "
                    + "private and public key pair: " + e.getMessage(), e);
        }
    }

    private static SigningKey of(JWK jwk) throws JOSEException {
        if (jwk instanceof ECKey ec) {
            ECKey key = ec.getKeyID() != null ? ec : new ECKey.Builder(ec).keyIDFromThumbprint().build();
            if (Curve.P_256.equals(ec.getCurve())) {
                return new SigningKey(key, JWSAlgorithm.ES256);
            }
            if (Curve.P_384.equals(ec.getCurve())) {
                return new SigningKey(key, JWSAlgorithm.ES384);
            }
        }
        if (jwk instanceof RSAKey rsa && rsa.size() >= 2048) {
            return new SigningKey(rsa.getKeyID() != null ? rsa : new RSAKey.Builder(rsa).keyIDFromThumbprint().build(),
                    JWSAlgorithm.RS256);
        }
        throw new IllegalArgumentException("unsupported key: use EC P-256, EC P-384 or RSA of at least 2048 bits");
    }

    private static JWK fromPem(String pem) throws java.security.GeneralSecurityException {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher blocks = PEM.matcher(pem);
        while (blocks.find()) {
            byte[] der = Base64.getMimeDecoder().decode(blocks.group(2));
            switch (blocks.group(1)) {
                case "PRIVATE KEY" -> privateDer = der;
                case "PUBLIC KEY" -> publicDer = der;
                default -> throw new IllegalArgumentException("unexpected PEM block " + blocks.group(1)
                        + "; give PRIVATE KEY (PKCS #8) and PUBLIC KEY");
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalArgumentException("PEM needs a PRIVATE KEY and a PUBLIC KEY block");
        }
        for (String type : new String[] { "EC", "RSA" }) {
            KeyFactory factory = KeyFactory.getInstance(type);
            PrivateKey privateKey;
            PublicKey publicKey;
            try {
                privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
                publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
            } catch (java.security.spec.InvalidKeySpecException notThisType) {
                continue;
            }
            if (publicKey instanceof ECPublicKey ec && privateKey instanceof ECPrivateKey ecPrivate) {
                return new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).privateKey(ecPrivate)
                        .keyUse(KeyUse.SIGNATURE).build();
            }
            if (publicKey instanceof RSAPublicKey rsa && privateKey instanceof RSAPrivateKey rsaPrivate) {
                return new RSAKey.Builder(rsa).privateKey(rsaPrivate).keyUse(KeyUse.SIGNATURE).build();
            }
        }
        throw new IllegalArgumentException("the PEM keys are neither EC nor RSA");
    }
}
