package org.certboard.candidate.rules;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

import org.certboard.platform.clock.BoardTime;

/**
 * Makes @Past and @PastOrPresent read the board clock in the board's time zone, so that "not in the future" agrees
 * with the submission date the rules use, also when the sandbox clock has been moved. Hibernate Validator asks for the
 * clock once, while the application is still being built (before the runtime configuration that names the zone
 * exists), so the clock handed out looks up the board time only when it is read.
 */
@Singleton
public class BoardClockProvider implements ClockProvider {
    private final Clock clock;

    public BoardClockProvider(Provider<BoardTime> board) {
        this.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return board.get().zone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return board.get().clock().withZone(zone);
            }

            @Override
            public Instant instant() {
                return board.get().clock().instant();
            }
        };
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
