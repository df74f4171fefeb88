package org.certboard.exam.booking;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code program}: the sitting's, for which the candidate's authorisation in that program was needed. */
public record BookingView(UUID id, UUID candidateId, UUID sittingId, Booking.Status status, boolean deferred,
        Instant bookedAt, @Schema(description = "The credential program whose exam is booked", example = "CCM")
        String program) {
    public static BookingView of(Booking b) {
        return new BookingView(b.id, b.candidateId, b.sittingId, b.status, b.deferred, b.bookedAt, b.program);
    }
}
