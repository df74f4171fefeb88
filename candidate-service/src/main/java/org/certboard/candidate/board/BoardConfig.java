package org.certboard.candidate.board;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who the board is, as far as this service cares: the same key the exam and renewal services read. */
@ConfigMapping(prefix = "certboard.board")
public interface BoardConfig {

    /** The board's time zone: it decides which calendar day "today" (the submission date) is. */
    @WithDefault("America/New_York")
    ZoneId timeZone();
}
