package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A candidate's name or contact details changed; carries the full current values. */
public record CandidateUpdated(UUID candidateId, String givenName, String familyName, String email, Instant updatedAt) implements EventPayload {
}
