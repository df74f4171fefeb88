package org.certboard.events.exam;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A passing result was recorded: this starts (or, by re-examination, renews) the five-year certification clock.
 * {@code actor} is the vendor account or staff member who recorded it.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record ExamPassed(UUID candidateId, UUID bookingId, LocalDate examDate, int scaledScore,
        @OptionalField Actor actor, @OptionalField String program) implements EventPayload {
    public ExamPassed {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public ExamPassed(UUID candidateId, UUID bookingId, LocalDate examDate, int scaledScore, Actor actor) {
        this(candidateId, bookingId, examDate, scaledScore, actor, null);
    }
}
