package org.certboard.candidate.board;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

/**
 * Makes @Past and @PastOrPresent read the board clock in the board's time zone, so that "not in the future" agrees
 * with the submission date the rules use, also when the sandbox clock has been moved. Hibernate Validator asks for the
 * clock once, while the application is still being built, so the clock handed out resolves the board lazily.
 */
@Singleton
public class BoardClockProvider implements ClockProvider {
    private final Clock clock;

    public BoardClockProvider(BoardProfile profile) {
        this.clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return profile.zone();
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return profile.zonedClock().withZone(zone);
            }

            @Override
            public Instant instant() {
                return profile.zonedClock().instant();
            }
        };
    }

    @Override
    public Clock getClock() {
        return clock;
    }
}
