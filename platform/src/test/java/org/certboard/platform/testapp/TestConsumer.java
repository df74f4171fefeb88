package org.certboard.platform.testapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.EventType;
import org.certboard.events.candidate.CandidateRegistered;
import org.certboard.platform.inbox.EventConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TestConsumer {
    private final EventConsumer consumer;

    public TestConsumer(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming("candidate-events")
    @ActivateRequestContext
    public Uni<Void> onCandidateEvent(Message<String> message) {
        return consumer.consume(message, event -> {
            if (event.type() != EventType.CANDIDATE_REGISTERED) {
                return Uni.createFrom().voidItem();
            }
            TestReceived received = new TestReceived();
            received.eventId = event.id();
            received.candidateId = event.data(CandidateRegistered.class).candidateId();
            return received.persist().replaceWithVoid();
        });
    }
}
