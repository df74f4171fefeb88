package org.certboard.exam.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.exam.access.CandidateAccounts;
import org.certboard.exam.eligibility.AuthorisationRepository;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The candidate topic, for two capabilities: who may book until when ({@code eligibility}, from EligibilityDecided),
 * so that booking never calls candidate-service, and which account is which candidate ({@code access}, from
 * registrations and claims). A redelivery is dropped by {@link EventConsumer}; a decision older than the one held
 * (events of one candidate can arrive out of order after a replay) is ignored by the upsert's condition. A replay
 * ({@code replay.AuthorisationReplay}) runs the same {@link #handlers()}.
 */
@ApplicationScoped
public class CandidateEventsListener {
    private final EventConsumer consumer;
    private final EventHandlers handlers;

    public CandidateEventsListener(EventConsumer consumer, CandidateAccounts accounts,
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

    /** What each event type does; a replay applies events through these as well. */
    public EventHandlers handlers() {
        return handlers;
    }
}
