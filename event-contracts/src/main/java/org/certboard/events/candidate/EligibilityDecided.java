package org.certboard.events.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/**
 * An application was decided (or its authorisation withdrawn). {@code authorisedUntil} is set only when status is
 * APPROVED; {@code decidedAt} lets consumers ignore a decision older than one they hold; {@code actor} names the staff
 * member who decided or withdrew, and is null when the board's rules decided on submission.
 */
public record EligibilityDecided(UUID candidateId, UUID applicationId, String status, String pathway, LocalDate authorisedUntil, Instant decidedAt, @OptionalField Actor actor) implements EventPayload {
}
