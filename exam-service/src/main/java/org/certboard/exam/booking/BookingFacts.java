package org.certboard.exam.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * What recording a result needs to know of a booking: whose it is, its program, its status, when its sitting starts
 * and the pass mark of its window (null: the program's).
 */
public record BookingFacts(UUID candidateId, String program, Booking.Status status, Instant startsAt,
        Integer passMark) {

    /** {@link Booking#refusesResult}. */
    public String refusesResult(Instant now) {
        return Booking.refusesResult(status, startsAt, now);
    }
}
