package org.certboard.platform.replay;

import java.util.List;

import org.certboard.platform.inbox.EventHandlers;

import io.smallrye.mutiny.Uni;

/**
 * A projection a service can rebuild from the topics: the service's bean names what it reads and how to empty it,
 * and gives the live listener's own {@link EventHandlers}, which the replay runs through the same
 * {@code EventConsumer.consume} as the live channel, so that a replay applies exactly the same handling and
 * idempotency rules, while the listener keeps one consuming method. Only a consumer whose effects are a view of the
 * events belongs here: one that writes to the outbox or numbers anything (renewal-service's certification issuing)
 * must never be replayed.
 */
public interface Replayable {

    /** What the replay rebuilds, for progress reports and logs, e.g. {@code timeline}. */
    String name();

    /**
     * The topics the projection is built from. Their producers' CloudEvents sources say which dedupe records
     * ({@code processed_event}) belong to this consumer and are reset with it.
     */
    List<String> topics();

    /** Empties the projection's tables; runs inside the replay's reset transaction. */
    Uni<Void> reset();

    /** The live listener's handlers, one per event type it applies. */
    EventHandlers handlers();
}
