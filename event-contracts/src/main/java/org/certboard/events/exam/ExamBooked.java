package org.certboard.events.exam;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A candidate booked (or moved to) a sitting.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record ExamBooked(UUID candidateId, UUID bookingId, UUID sittingId, String site, Instant startsAt,
        @OptionalField String program) implements EventPayload {
    public ExamBooked {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public ExamBooked(UUID candidateId, UUID bookingId, UUID sittingId, String site, Instant startsAt) {
        this(candidateId, bookingId, sittingId, site, startsAt, null);
    }
}
