package org.certboard.platform.clock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The one clock of a service: the system clock plus an offset that only the sandbox can move, and only forward, so
 * that a rehearsal can live through five years in minutes while production reads plain wall time.
 */
public final class BoardClock extends Clock {
    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public BoardClock(Clock base) {
        this.base = base;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        BoardClock board = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return board.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return board.withZone(other);
            }
        };
    }

    public Duration offset() {
        return offset.get();
    }

    /** Moves the clock forward by {@code amount}; returns the new time. */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the board clock only moves forward");
        }
        offset.updateAndGet(current -> current.plus(amount));
        return instant();
    }

    /** Moves the clock forward to {@code target}; returns the new time. */
    public Instant moveTo(Instant target) {
        Duration step = Duration.between(instant(), target);
        if (step.isNegative()) {
            throw new IllegalArgumentException("the board clock only moves forward: it is already " + instant());
        }
        return advance(step);
    }
}
