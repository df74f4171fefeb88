package org.certboard.renewal.credential;

import java.net.URI;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The board's verifiable credentials: who issues them, where they are verified, and the signing key. What each
 * program's credentials state about the achievement is the program's ({@code certboard.programs.<code>.achievement.*}).
 */
@ConfigMapping(prefix = "certboard.credentials")
public interface CredentialConfig {

    /**
     * The board's public base URL (https, the verification host): the issuer id, the status list URLs and the
     * verification page (and its QR code) are built from it, never from a request's Host header, which a caller
     * chooses. Required outside sandbox mode: what a credential states about its issuer must be the board's.
     */
    Optional<URI> baseUrl();

    /** The issuer profile's name. */
    @WithDefault("certboard Case Management Certification Board")
    @NotBlank
    String issuerName();

    /**
     * The private signing key: a JWK (JSON, with {@code kid}) or a PEM private key (its kid is then the RFC 7638
     * thumbprint). In Kubernetes from a Secret. Absent: a key is generated at start-up, allowed only in sandbox mode
     * or with {@link #generateKey()}.
     */
    Optional<String> signingKey();

    /** Generate a signing key at start-up when none is configured, also outside sandbox mode (local stack only). */
    @WithDefault("false")
    boolean generateKey();

    /** Bits per status list: at least 131072 (16 KiB), the herd size the Bitstring Status List spec asks for. */
    @WithDefault("131072")
    @Min(131072)
    @Max(8388608)
    int statusListSize();
}
