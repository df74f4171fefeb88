package org.certboard.exam.booking;

import java.time.Instant;
import java.util.UUID;

public record BookingView(UUID id, UUID candidateId, UUID sittingId, Booking.Status status, boolean deferred,
        Instant bookedAt) {
    public static BookingView of(Booking b) {
        return new BookingView(b.id, b.candidateId, b.sittingId, b.status, b.deferred, b.bookedAt);
    }
}
