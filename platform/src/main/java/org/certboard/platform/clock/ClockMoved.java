package org.certboard.platform.clock;

import java.time.Instant;

/** CDI event fired after the sandbox moved the board clock, so clock-driven jobs can catch up at once. */
public record ClockMoved(Instant from, Instant to) {
}
