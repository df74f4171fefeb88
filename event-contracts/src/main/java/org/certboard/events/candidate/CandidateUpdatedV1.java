package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/**
 * Version 1 of {@link CandidateUpdated}, which carried the email no consumer needs. Still read from the topic (events
 * of years past); no longer published.
 */
public record CandidateUpdatedV1(UUID candidateId, String givenName, String familyName, String email, Instant updatedAt) implements EventPayload {
}
