package org.certboard.events.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/**
 * An application was decided (or its authorisation withdrawn). {@code authorisedUntil} is set only when status is
 * APPROVED; {@code decidedAt} lets consumers ignore a decision older than one they hold. Added later, optional:
 * {@code licenceType}, the type of the licence a licence-based pathway rests on (so renewal can require a current
 * licence of that kind); {@code actor}, the staff member who decided or withdrew (null when the board's rules
 * decided on submission).
 */
public record EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway, LocalDate authorisedUntil, Instant decidedAt,
        @OptionalField String licenceType, @OptionalField Actor actor) implements EventPayload {

    /** A decision that rests on no licence, taken by the rules (or from before the optional fields existed). */
    public EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway, LocalDate authorisedUntil, Instant decidedAt) {
        this(candidateId, applicationId, status, pathway, authorisedUntil, decidedAt, null, null);
    }
}
