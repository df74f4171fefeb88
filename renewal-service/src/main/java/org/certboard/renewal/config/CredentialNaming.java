package org.certboard.renewal.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How the board names its credential, renewal-service's own board facts beside the shared
 * {@link org.certboard.platform.clock.BoardConfig} (same prefix, so the keys stay where boards set them). Validated at
 * start-up.
 */
@ConfigMapping(prefix = "certboard.board")
public interface CredentialNaming {

    /** Prefix of certification numbers, e.g. CCM in CCM-2026-000123. */
    @WithDefault("CCM")
    @Pattern(regexp = "[A-Z][A-Z0-9]{0,9}", message = "must be 1 to 10 capital letters or digits, starting with a letter")
    String credentialPrefix();

    /** The credential's name as public verification shows it. */
    @WithDefault("Certified Case Manager (CCM)")
    @NotBlank
    String credential();
}
