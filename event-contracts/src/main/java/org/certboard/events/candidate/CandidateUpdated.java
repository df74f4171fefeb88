package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A candidate's profile changed; carries the full current name. */
public record CandidateUpdated(UUID candidateId, String givenName, String familyName, Instant updatedAt) implements EventPayload {
}
