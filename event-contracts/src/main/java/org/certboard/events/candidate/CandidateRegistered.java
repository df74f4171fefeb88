package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/**
 * A person registered with the board. {@code subject} is the person's identity at the board's OpenID provider (the
 * services learn from it who may see this candidate's records); it is null for a paper applicant staff registered.
 */
public record CandidateRegistered(UUID candidateId, String subject, String givenName, String familyName, Instant registeredAt) implements EventPayload {
}
