package org.certboard.events.exam;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A booking was cancelled and its seat released. A move to another sitting is a further {@link ExamBooked}. */
public record BookingCancelled(UUID candidateId, UUID bookingId, UUID sittingId, Instant cancelledAt)
        implements EventPayload {
}
