package org.certboard.platform.outbox;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.EventPayload;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one way an event leaves a service: {@link #add} writes it to the outbox inside the caller's transaction, so the
 * event exists exactly when the change that caused it committed. The relay publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** Adds the event to the current transaction; fails when there is none, rather than publish outside it. */
    public Uni<Void> add(EventPayload event) {
        return requireTransaction().chain(() -> new OutboxEvent(event, clock.instant()).persist()).replaceWithVoid();
    }

    public Uni<Void> addAll(List<? extends EventPayload> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        java.time.Instant now = clock.instant();
        return requireTransaction()
                .chain(() -> OutboxEvent.persist(events.stream().map(e -> new OutboxEvent(e, now))))
                .replaceWithVoid();
    }

    private static Uni<Void> requireTransaction() {
        return Panache.currentTransaction().invoke(tx -> {
            if (tx == null) {
                throw new IllegalStateException("Outbox.add must run inside the transaction of the change it announces");
            }
        }).replaceWithVoid();
    }
}
