package org.certboard.events.renewal;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * Staff decided a renewal sampled for a CE audit; an acceptance is followed by {@link CertificationRenewed} in the
 * same transaction. The reason stays in renewal-service: it may describe the person's circumstances.
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record AuditDecided(UUID candidateId, String number, UUID renewalId, boolean accepted, Instant decidedAt,
        Actor actor, @OptionalField String program) implements EventPayload {
    public AuditDecided {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public AuditDecided(UUID candidateId, String number, UUID renewalId, boolean accepted, Instant decidedAt,
            Actor actor) {
        this(candidateId, number, renewalId, accepted, decidedAt, actor, null);
    }
}
