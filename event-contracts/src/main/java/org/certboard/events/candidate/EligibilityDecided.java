package org.certboard.events.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/**
 * An application was decided (or its authorisation withdrawn). {@code authorisedUntil} is set only when status is APPROVED;
 * {@code decidedAt} lets consumers ignore a decision older than one they hold. {@code licenceType} (added later, optional):
 * the type of the licence a licence-based pathway rests on, so renewal can require a current licence of that kind.
 */
public record EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway, LocalDate authorisedUntil, Instant decidedAt,
        @OptionalField String licenceType) implements EventPayload {

    /** A decision that rests on no licence (or from before {@code licenceType} existed). */
    public EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway, LocalDate authorisedUntil, Instant decidedAt) {
        this(candidateId, applicationId, status, pathway, authorisedUntil, decidedAt, null);
    }
}
