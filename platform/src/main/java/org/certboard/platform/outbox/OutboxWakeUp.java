package org.certboard.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * Wakes this service's relay once the unit of work that wrote outbox rows is over, so that an event does not wait for
 * the next poll. {@link Outbox} marks the request's or the message's Vert.x context when it writes; the mark is read
 * when the unit has committed: by this response filter for a request (a resource answers only after its transaction
 * ended) and by the consumer after its transaction. A wake-up after a rollback costs one empty pass; a unit that is
 * neither (a scheduled job) is published by the poll.
 */
@ApplicationScoped
public class OutboxWakeUp {
    private static final String WROTE = "certboard.outbox.wrote";

    private final OutboxRelay relay;

    public OutboxWakeUp(OutboxRelay relay) {
        this.relay = relay;
    }

    /** Outbox rows were written in the current unit of work (a duplicated context: one request or one message). */
    public static void wrote() {
        if (VertxContext.isOnDuplicatedContext()) {
            ContextLocals.put(WROTE, Boolean.TRUE);
        }
    }

    /** The current unit of work has committed: the relay goes round now if it wrote outbox rows. */
    public void committed() {
        if (VertxContext.isOnDuplicatedContext() && ContextLocals.remove(WROTE)) {
            relay.wake();
        }
    }

    @ServerResponseFilter
    public void afterRequest() {
        committed();
    }
}
