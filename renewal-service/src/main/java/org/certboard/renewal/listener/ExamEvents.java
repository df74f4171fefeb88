package org.certboard.renewal.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.renewal.issuance.IssuanceService;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ExamEvents {
    private final EventConsumer consumer;
    private final IssuanceService issuance;

    public ExamEvents(EventConsumer consumer, IssuanceService issuance) {
        this.consumer = consumer;
        this.issuance = issuance;
    }

    @Incoming("exam-events")
    @ActivateRequestContext
    public Uni<Void> onExamEvent(Message<String> message) {
        return consumer.consume(message, event -> switch (event.type()) {
            case EXAM_PASSED -> issuance.onExamPassed(event.data(ExamPassed.class));
            default -> Uni.createFrom().voidItem();
        });
    }
}
