package org.certboard.events.exam;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A failing result (or a no-show) was recorded for a booking. {@code actor} is the vendor account or staff member who
 * recorded it.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record ExamFailed(UUID candidateId, UUID bookingId, LocalDate examDate, Integer scaledScore, boolean noShow,
        @OptionalField Actor actor, @OptionalField String program) implements EventPayload {
    public ExamFailed {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public ExamFailed(UUID candidateId, UUID bookingId, LocalDate examDate, Integer scaledScore, boolean noShow,
            Actor actor) {
        this(candidateId, bookingId, examDate, scaledScore, noShow, actor, null);
    }
}
