package org.certboard.exam.booking;

import java.time.Duration;
import java.time.Instant;

/** Booking, cancelling and rescheduling stay open until exactly {@code cutoff} before the sitting starts. */
public record Cutoff(Duration cutoff) {

    public Cutoff {
        if (cutoff.isNegative()) {
            throw new IllegalArgumentException("the booking cutoff cannot be negative: " + cutoff);
        }
    }

    /** Open at the very instant of the cutoff, closed one nanosecond later. */
    public boolean open(Instant now, Instant startsAt) {
        return !now.isAfter(startsAt.minus(cutoff));
    }

    public Instant closesAt(Instant startsAt) {
        return startsAt.minus(cutoff);
    }
}
