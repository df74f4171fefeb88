package org.certboard.platform.clock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.inject.Singleton;

/**
 * The board's time, read from the one board clock: moments as PostgreSQL keeps them and calendar dates as the board
 * counts them. Code asks this instead of combining the clock, the zone and a truncation itself.
 */
@Singleton
public class BoardTime {
    private final Clock clock;
    private final ZoneId zone;

    public BoardTime(Clock clock, BoardConfig board) {
        this.zone = board.timeZone();
        this.clock = clock.withZone(zone);
    }

    /**
     * Now, truncated to microseconds: what a {@code timestamptz} column stores, so a value written and read back
     * compares equal to the one the code kept (a decision's time is also its concurrency and ordering key).
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The board's calendar date today. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The board's calendar date of a moment (an exam taken at 11 pm in New York is that day's exam). */
    public LocalDate dateOf(Instant moment) {
        return LocalDate.ofInstant(moment, zone);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The board clock in the board's zone, for code that takes a {@link Clock} (e.g. Bean Validation). */
    public Clock clock() {
        return clock;
    }
}
