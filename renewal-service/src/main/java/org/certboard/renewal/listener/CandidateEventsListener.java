package org.certboard.renewal.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.candidate.CandidateClaimed;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.renewal.candidate.CandidateProjection;
import org.certboard.renewal.credential.CredentialService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Candidate events keep the projection, a poll as sets ({@link CandidateProjection#apply}); a name told or corrected
 * then re-issues the holder's credentials that state another name, in the same transaction.
 */
@ApplicationScoped
public class CandidateEventsListener {
    private final EventConsumer consumer;
    private final EventHandlers handlers;

    public CandidateEventsListener(EventConsumer consumer, CandidateProjection projection,
            CredentialService credentials) {
        this.consumer = consumer;
        this.handlers = EventHandlers.inSets(events -> projection.apply(events).chain(credentials::onNamesChanged),
                CandidateRegistered.class, CandidateUpdated.class, CandidateRegisteredV1.class,
                CandidateUpdatedV1.class, CandidateClaimed.class, EligibilityDecided.class, LicenceRecorded.class);
    }

    /** The channel, a poll at a time (batch=true): see {@link EventConsumer#consumeBatch}. */
    @Incoming("candidate-events")
    @ActivateRequestContext
    public Uni<Void> onCandidateEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }

    /** What each event type does; a replay ({@code replay.CandidateReplay}) applies events through these as well. */
    public EventHandlers handlers() {
        return handlers;
    }
}
