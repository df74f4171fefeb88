package org.certboard.platform.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.platform.tracing.TraceParent;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The one way an event leaves a service: {@link #add} writes it to the outbox inside the caller's transaction, so the
 * event exists exactly when the change that caused it committed. {@link OutboxRelay} publishes it afterwards; the
 * row id becomes the CloudEvents id, the consumers' dedupe key.
 */
@ApplicationScoped
public class Outbox {
    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    /** An event with the trace it continues (the incoming event that caused it); null for none. */
    public record Traced(EventPayload event, String traceparent) {
    }

    /** Adds the event to the current transaction; fails when there is none, rather than publish outside it. */
    public Uni<Void> add(EventPayload event) {
        return addAll(List.of(event));
    }

    /** As {@link #addTraced}, every event continuing the current trace. */
    public Uni<Void> addAll(List<? extends EventPayload> events) {
        String traceparent = TraceParent.current().orElse(null);
        return addTraced(events.stream().map(event -> new Traced(event, traceparent)).toList());
    }

    /**
     * Adds the events, in this order, with one statement whatever their number (a bulk import writes thousands): the
     * columns travel as arrays and unnest() turns them back into rows.
     */
    public Uni<Void> addTraced(List<Traced> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] payloads = new String[n];
        String[] traceparents = new String[n];
        for (int i = 0; i < n; i++) {
            EventPayload event = events.get(i).event();
            traceparents[i] = events.get(i).traceparent();
            EventType type = EventType.of(event);
            ids[i] = UUID.randomUUID();
            topics[i] = type.topic();
            keys[i] = event.candidateId().toString();
            types[i] = type.type();
            sources[i] = type.service().source();
            // checked against its schema here, in the producer, so that a consumer never dead-letters what we accepted
            payloads[i] = EventCodec.toValidJson(event);
        }
        return Panache.currentTransaction()
                .invoke(tx -> {
                    if (tx == null) {
                        throw new IllegalStateException(
                                "the outbox must be written inside the transaction of the change it announces");
                    }
                })
                .chain(Panache::getSession)
                .chain(session -> session.createNativeQuery("""
                        insert into outbox_event (id, topic, event_key, type, source, subject, occurred_at, payload,
                            traceparent)
                        select id, topic, event_key, type, source, event_key, cast(:occurredAt as timestamptz), payload,
                            traceparent
                        from unnest(cast(:ids as uuid[]), cast(:topics as text[]), cast(:keys as text[]),
                            cast(:types as text[]), cast(:sources as text[]), cast(:payloads as text[]),
                            cast(:traceparents as text[]))
                            with ordinality as t(id, topic, event_key, type, source, payload, traceparent, position)
                        order by position""")
                        .setParameter("occurredAt", clock.instant())
                        .setParameter("ids", ids).setParameter("topics", topics).setParameter("keys", keys)
                        .setParameter("types", types).setParameter("sources", sources)
                        .setParameter("payloads", payloads).setParameter("traceparents", traceparents)
                        .executeUpdate())
                .invoke(OutboxWakeUp::wrote)
                .replaceWithVoid();
    }
}
