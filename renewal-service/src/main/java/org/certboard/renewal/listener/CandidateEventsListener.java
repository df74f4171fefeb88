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
 * Candidate events keep the projection; a name told or corrected then re-issues the holder's credentials that state
 * another name, in the same transaction.
 */
@ApplicationScoped
public class CandidateEventsListener {
    private final EventConsumer consumer;
    private final EventHandlers handlers;

    public CandidateEventsListener(EventConsumer consumer, CandidateProjection projection,
            CredentialService credentials) {
        this.consumer = consumer;
        this.handlers = EventHandlers.builder()
                .on(CandidateRegistered.class, event -> projection.onRegistered(event)
                        .chain(() -> credentials.onNameChanged(event.candidateId())))
                .on(CandidateUpdated.class, event -> projection.onUpdated(event)
                        .chain(() -> credentials.onNameChanged(event.candidateId())))
                .on(CandidateRegisteredV1.class, event -> projection.onRegistered(event)
                        .chain(() -> credentials.onNameChanged(event.candidateId())))
                .on(CandidateUpdatedV1.class, event -> projection.onUpdated(event)
                        .chain(() -> credentials.onNameChanged(event.candidateId())))
                .on(CandidateClaimed.class, projection::onClaimed)
                .on(EligibilityDecided.class, projection::onEligibilityDecided)
                .on(LicenceRecorded.class, projection::onLicenceRecorded)
                .build();
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
