package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * The certificant chose retired status after expiry; {@code actor} is the staff member who recorded the request.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record CertificationRetired(UUID candidateId, String number, LocalDate retiredOn, @OptionalField Actor actor,
        @OptionalField String program) implements EventPayload {
    public CertificationRetired {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public CertificationRetired(UUID candidateId, String number, LocalDate retiredOn, Actor actor) {
        this(candidateId, number, retiredOn, actor, null);
    }
}
