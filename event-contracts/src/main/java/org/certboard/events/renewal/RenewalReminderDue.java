package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A renewal reminder fell due ({@code daysBefore} = 180, 90 or 30 by default).
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record RenewalReminderDue(UUID candidateId, String number, int daysBefore, LocalDate dueOn,
        LocalDate expiresOn, @OptionalField String program) implements EventPayload {
    public RenewalReminderDue {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public RenewalReminderDue(UUID candidateId, String number, int daysBefore, LocalDate dueOn, LocalDate expiresOn) {
        this(candidateId, number, daysBefore, dueOn, expiresOn, null);
    }
}
