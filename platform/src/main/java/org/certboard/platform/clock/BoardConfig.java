package org.certboard.platform.clock;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code certboard.board.*} as every service reads it: the board's time zone, which decides which calendar day a
 * moment belongs to (submission date, exam date, expiry). A service with board facts of its own maps them in a
 * mapping of its own under a deeper prefix.
 */
@ConfigMapping(prefix = "certboard.board")
public interface BoardConfig {

    /** A board day ends at midnight in this zone. */
    @WithDefault("America/New_York")
    ZoneId timeZone();
}
