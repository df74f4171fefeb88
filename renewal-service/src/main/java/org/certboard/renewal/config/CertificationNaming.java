package org.certboard.renewal.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/**
 * How the board names its certification, renewal-service's own board facts beside the shared
 * {@link org.certboard.platform.clock.BoardConfig} (same prefix, so the keys stay where boards set them). Validated at
 * start-up. The keys say "credential" for the certification, as boards do; in the code a credential is a signed badge
 * (package {@code credential}), so the methods name the certification.
 */
@ConfigMapping(prefix = "certboard.board")
public interface CertificationNaming {

    /** Prefix of certification numbers, e.g. CCM in CCM-2026-000123; the badges' achievement code as well. */
    @WithName("credential-prefix")
    @WithDefault("CCM")
    @Pattern(regexp = "[A-Z][A-Z0-9]{0,9}", message = "must be 1 to 10 capital letters or digits, starting with a letter")
    String numberPrefix();

    /** The certification's name as public verification shows it and the badges name their achievement. */
    @WithName("credential")
    @WithDefault("Certified Case Manager (CCM)")
    @NotBlank
    String name();
}
