package org.certboard.platform.testapp;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.hibernate.HibernateException;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

@ApplicationScoped
public class TestConsumer {
    private final EventConsumer consumer;
    private final Map<UUID, Integer> deadlocks = new ConcurrentHashMap<>();
    /** Candidates whose "broken@" registrations the test has declared fixed; until then they fail for good. */
    public static final Set<UUID> FIXED = ConcurrentHashMap.newKeySet();
    /** "held@" registrations are applied only once the test completes this (their partition waits meanwhile). */
    public static volatile CompletableFuture<Void> release = new CompletableFuture<>();

    private final EventHandlers handlers = EventHandlers.inSets(this::applyAll, CandidateRegistered.class);

    public TestConsumer(EventConsumer consumer) {
        this.consumer = consumer;
    }

    /** The channel, a poll at a time (batch=true): see {@link EventConsumer#consumeBatch}. */
    @Incoming("candidate-events")
    @ActivateRequestContext
    public Uni<Void> onCandidateEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }

    private Uni<Void> applyAll(List<IncomingEvent> events) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (IncomingEvent event : events) {
            done = done.chain(() -> onRegistered(event, (CandidateRegistered) event.data()));
        }
        return done;
    }

    private Uni<Void> onRegistered(IncomingEvent event, CandidateRegistered registered) {
        if (registered.subject().startsWith("deadlock") && deadlocks.merge(event.id(), 1, Integer::sum) <= 4) {
            // what Hibernate Reactive hands over when PostgreSQL broke a deadlock by aborting this transaction
            return Uni.createFrom().failure(new HibernateException("could not execute statement",
                    new SQLException("deadlock detected", "40P01")));
        }
        if (registered.subject().startsWith("broken") && !FIXED.contains(registered.candidateId())) {
            return Uni.createFrom().failure(new IllegalStateException("a bug in this handler"));
        }
        if (registered.subject().startsWith("held")) {
            // the test releases it from its own thread: back onto this message's context for the session
            Context context = Vertx.currentContext();
            return Uni.createFrom().completionStage(release)
                    .emitOn(task -> context.runOnContext(ignored -> task.run()))
                    .chain(() -> record(event, registered));
        }
        return record(event, registered);
    }

    private static Uni<Void> record(IncomingEvent event, CandidateRegistered registered) {
        TestReceived received = new TestReceived();
        received.eventId = event.id();
        received.candidateId = registered.candidateId();
        return received.persist().replaceWithVoid();
    }
}
