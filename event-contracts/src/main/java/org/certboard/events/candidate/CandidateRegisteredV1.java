package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/**
 * Version 1 of {@link CandidateRegistered}, which carried the email no consumer needs. Still read from the topic
 * (events of years past); no longer published.
 */
public record CandidateRegisteredV1(UUID candidateId, String givenName, String familyName, String email, Instant registeredAt) implements EventPayload {
}
