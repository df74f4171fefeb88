package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A person registered with the board. */
public record CandidateRegistered(UUID candidateId, String givenName, String familyName, String email, Instant registeredAt) implements EventPayload {
}
