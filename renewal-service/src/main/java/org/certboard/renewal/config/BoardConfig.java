package org.certboard.renewal.config;

import java.time.ZoneId;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who the board is: its time zone and how its credential is named. Validated at start-up. */
@ConfigMapping(prefix = "certboard.board")
public interface BoardConfig {

    /** Dates (expiry, reminders) are board dates: a day ends at midnight in this zone. */
    @WithDefault("America/New_York")
    ZoneId timeZone();

    /** Prefix of certification numbers, e.g. CCM in CCM-2026-000123. */
    @WithDefault("CCM")
    @Pattern(regexp = "[A-Z][A-Z0-9]{0,9}", message = "must be 1 to 10 capital letters or digits, starting with a letter")
    String credentialPrefix();

    /** The credential's name as public verification shows it. */
    @WithDefault("Certified Case Manager (CCM)")
    @NotBlank
    String credential();
}
