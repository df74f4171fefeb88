package org.certboard.events.exam;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A booking was cancelled and its seat released. A move to another sitting is a further {@link ExamBooked}.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record BookingCancelled(UUID candidateId, UUID bookingId, UUID sittingId, Instant cancelledAt,
        @OptionalField String program) implements EventPayload {
    public BookingCancelled {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public BookingCancelled(UUID candidateId, UUID bookingId, UUID sittingId, Instant cancelledAt) {
        this(candidateId, bookingId, sittingId, cancelledAt, null);
    }
}
