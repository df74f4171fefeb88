package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;

/**
 * Staff decided a name-change request ({@code correction} false), or corrected a name themselves, which applies at
 * once ({@code correction} true, {@code accepted} true). An accepted change is followed by {@link CandidateUpdated}
 * with the new name, in the same transaction.
 */
public record NameChangeDecided(UUID candidateId, UUID requestId, boolean accepted, boolean correction,
        Instant decidedAt, Actor actor) implements EventPayload {
}
