package org.certboard.exam.listener;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.exam.access.CandidateAccounts;
import org.certboard.exam.eligibility.AuthorisationRepository;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.platform.inbox.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The candidate topic, for two capabilities: who may book until when ({@code eligibility}, from EligibilityDecided),
 * so that booking never calls candidate-service, and which account is which candidate ({@code access}, from
 * registrations and claims). A poll's accounts are bound as a set, its decisions applied in order. A redelivery is
 * dropped by {@link EventConsumer}; a decision older than the one held (events of one candidate can arrive out of
 * order after a replay) is ignored by the upsert's condition. A replay ({@code replay.AuthorisationReplay}) runs the
 * same {@link #handlers()}.
 */
@ApplicationScoped
public class CandidateEventsListener {
    private final EventConsumer consumer;
    private final CandidateAccounts accounts;
    private final AuthorisationRepository authorisations;
    private final EventHandlers handlers;

    public CandidateEventsListener(EventConsumer consumer, CandidateAccounts accounts,
            AuthorisationRepository authorisations) {
        this.consumer = consumer;
        this.accounts = accounts;
        this.authorisations = authorisations;
        this.handlers = EventHandlers.inSets(this::apply, EligibilityDecided.class, CandidateRegistered.class,
                CandidateClaimed.class);
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

    private Uni<Void> apply(List<IncomingEvent> events) {
        Uni<Void> done = accounts.apply(events);
        for (IncomingEvent event : events) {
            if (event.data() instanceof EligibilityDecided decision) {
                done = done.chain(() -> authorisations.apply(decision));
            }
        }
        return done;
    }
}
