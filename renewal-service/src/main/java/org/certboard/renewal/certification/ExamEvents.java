package org.certboard.renewal.certification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.inbox.EventConsumer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ExamEvents {
    private final EventConsumer consumer;
    private final CertificationService certifications;

    public ExamEvents(EventConsumer consumer, CertificationService certifications) {
        this.consumer = consumer;
        this.certifications = certifications;
    }

    @Incoming("exam-events")
    @ActivateRequestContext
    public Uni<Void> onExamEvent(Message<String> message) {
        return consumer.consume(message, event -> switch (event.type()) {
            case EXAM_PASSED -> certifications.onExamPassed(event.data(ExamPassed.class));
            default -> Uni.createFrom().voidItem();
        });
    }
}
