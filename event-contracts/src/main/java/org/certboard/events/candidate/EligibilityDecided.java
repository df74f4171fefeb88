package org.certboard.events.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** An application was decided (or its authorisation withdrawn). {@code authorisedUntil} is set only when status is APPROVED; {@code decidedAt} lets consumers ignore a decision older than one they hold. */
public record EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway, LocalDate authorisedUntil, Instant decidedAt) implements EventPayload {
}
