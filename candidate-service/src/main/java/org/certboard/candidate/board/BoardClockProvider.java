package org.certboard.candidate.board;

import java.time.Clock;

import jakarta.inject.Singleton;
import jakarta.validation.ClockProvider;

/**
 * Makes @Past and @PastOrPresent read the board clock in the board's time zone, so that "not in the future" agrees
 * with the submission date the rules use, also when the sandbox clock has been moved.
 */
@Singleton
public class BoardClockProvider implements ClockProvider {
    private final BoardProfile profile;

    public BoardClockProvider(BoardProfile profile) {
        this.profile = profile;
    }

    @Override
    public Clock getClock() {
        return profile.zonedClock();
    }
}
