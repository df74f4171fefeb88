package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * A certification was renewed; the new cycle starts at the previous expiry. {@code method} is CE or EXAM.
 * {@code actor} is the staff member who accepted an audited renewal's evidence; null when no one had to.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record CertificationRenewed(UUID candidateId, String number, String method, boolean late,
        LocalDate cycleStartedOn, LocalDate expiresOn, @OptionalField Actor actor, @OptionalField String program)
        implements EventPayload {
    public CertificationRenewed {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public CertificationRenewed(UUID candidateId, String number, String method, boolean late,
            LocalDate cycleStartedOn, LocalDate expiresOn, Actor actor) {
        this(candidateId, number, method, late, cycleStartedOn, expiresOn, actor, null);
    }
}
