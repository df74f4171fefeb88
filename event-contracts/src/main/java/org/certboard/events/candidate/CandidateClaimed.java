package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/**
 * A profile staff registered for a paper applicant was claimed by the person's account, whose provider verified the
 * profile's email address: from now on {@code subject} is this candidate, as if {@link CandidateRegistered} had
 * carried it.
 */
public record CandidateClaimed(UUID candidateId, String subject, Instant claimedAt) implements EventPayload {
}
