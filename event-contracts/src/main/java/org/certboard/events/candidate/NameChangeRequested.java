package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;

/**
 * A candidate whose legal name the board has relied on (an application decided, or a certification held) asked to
 * change it; the name stays as it is until staff decide ({@link NameChangeDecided}). Carries neither name: consumers
 * keep the current name from {@link CandidateUpdated}, which follows an accepted request.
 */
public record NameChangeRequested(UUID candidateId, UUID requestId, Instant requestedAt, Actor actor)
        implements EventPayload {
}
