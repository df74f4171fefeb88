package org.certboard.exam;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code certboard.board.*}: facts about the board itself. */
@ConfigMapping(prefix = "certboard.board")
public interface BoardConfig {

    /** The zone in which a sitting's calendar date (window membership, exam date, authorisation) is read. */
    @WithDefault("America/New_York")
    ZoneId timeZone();
}
