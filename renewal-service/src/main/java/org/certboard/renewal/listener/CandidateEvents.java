package org.certboard.renewal.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.candidate.CandidateUpdatedV1;
import org.certboard.events.candidate.CandidateRegisteredV1;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.events.candidate.CandidateUpdated;
import org.certboard.events.candidate.EligibilityDecided;
import org.certboard.events.candidate.LicenceRecorded;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.renewal.candidate.CandidateProjection;
import org.certboard.renewal.credential.CredentialService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CandidateEvents {
    private final EventConsumer consumer;
    private final CandidateProjection projection;
    private final CredentialService credentials;

    public CandidateEvents(EventConsumer consumer, CandidateProjection projection, CredentialService credentials) {
        this.consumer = consumer;
        this.projection = projection;
        this.credentials = credentials;
    }

    @Incoming("candidate-events")
    @ActivateRequestContext
    public Uni<Void> onCandidateEvent(Message<String> message) {
        return consumer.consume(message, event -> switch (event.type()) {
            // a name told or corrected re-issues the holder's credentials that state another name
            case CANDIDATE_REGISTERED -> projection.onRegistered(event.data(CandidateRegistered.class))
                    .chain(() -> credentials.onNameChanged(event.data(CandidateRegistered.class).candidateId()));
            case CANDIDATE_UPDATED -> projection.onUpdated(event.data(CandidateUpdated.class))
                    .chain(() -> credentials.onNameChanged(event.data(CandidateUpdated.class).candidateId()));
            case CANDIDATE_REGISTERED_V1 -> projection.onRegistered(event.data(CandidateRegisteredV1.class))
                    .chain(() -> credentials.onNameChanged(event.data(CandidateRegisteredV1.class).candidateId()));
            case CANDIDATE_UPDATED_V1 -> projection.onUpdated(event.data(CandidateUpdatedV1.class))
                    .chain(() -> credentials.onNameChanged(event.data(CandidateUpdatedV1.class).candidateId()));
            case ELIGIBILITY_DECIDED -> projection.onEligibilityDecided(event.data(EligibilityDecided.class));
            case LICENCE_RECORDED -> projection.onLicenceRecorded(event.data(LicenceRecorded.class));
            default -> Uni.createFrom().voidItem();
        });
    }
}
