package org.certboard.exam.eligibility;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.exam.access.CandidateAccounts;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps this service's own view of who may book until when, from EligibilityDecided events, so that booking never
 * calls candidate-service. A redelivery is dropped by {@link EventConsumer}; a decision older than the one held
 * (events of one candidate can arrive out of order after a replay) is ignored by the upsert's condition.
 */
@ApplicationScoped
public class AuthorisationProjection {
    private final EventConsumer consumer;
    private final EventHandlers handlers;

    public AuthorisationProjection(EventConsumer consumer, CandidateAccounts accounts,
            AuthorisationRepository authorisations) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(EligibilityDecided.class, authorisations::apply)
                .on(CandidateRegistered.class, accounts::onRegistered)
                .on(CandidateClaimed.class, accounts::onClaimed)
                .build();
    }

    /** The channel, a poll at a time (batch=true): see {@link EventConsumer#consumeBatch}. */
    @Incoming("candidate-events")
    @ActivateRequestContext
    public Uni<Void> onCandidateEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }

    /** One event on its own, as a replay hands it over. */
    @ActivateRequestContext
    public Uni<Void> onCandidateEvent(Message<String> message) {
        return consumer.consume(message, handlers);
    }
}
