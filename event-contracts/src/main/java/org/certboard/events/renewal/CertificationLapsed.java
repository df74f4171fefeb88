package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * The late-renewal grace period ended; the person must reapply and pass again.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record CertificationLapsed(UUID candidateId, String number, LocalDate lapsedOn, @OptionalField String program)
        implements EventPayload {
    public CertificationLapsed {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public CertificationLapsed(UUID candidateId, String number, LocalDate lapsedOn) {
        this(candidateId, number, lapsedOn, null);
    }
}
