package org.certboard.events.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;
import org.certboard.events.ProgramCode;

/**
 * An application was decided (or its authorisation withdrawn). {@code authorisedUntil} is set only when status is
 * APPROVED; {@code decidedAt} lets consumers ignore a decision older than one they hold. Added later, optional:
 * {@code licenceType}, the type of the licence a licence-based pathway rests on (so renewal can require a current
 * licence of that kind); {@code actor}, the staff member who decided or withdrew (null when the board's rules
 * decided on submission).
 * {@code program}, added later (optional), is the credential program the event is about; an event without it
 * is about CCM, the one program certboard ran before programs existed.
 */
public record EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway,
        LocalDate authorisedUntil, Instant decidedAt, @OptionalField String licenceType, @OptionalField Actor actor,
        @OptionalField String program) implements EventPayload {
    public EligibilityDecided {
        program = ProgramCode.orLegacy(program);
    }

    /** An event of the single-program era, or one that names no program: about CCM. */
    public EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway,
            LocalDate authorisedUntil, Instant decidedAt, String licenceType, Actor actor) {
        this(candidateId, applicationId, status, pathway, authorisedUntil, decidedAt, licenceType, actor, null);
    }

    /** A decision that rests on no licence, taken by the rules (or from before the optional fields existed). */
    public EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway,
            LocalDate authorisedUntil, Instant decidedAt) {
        this(candidateId, applicationId, status, pathway, authorisedUntil, decidedAt, null, null, null);
    }
}
