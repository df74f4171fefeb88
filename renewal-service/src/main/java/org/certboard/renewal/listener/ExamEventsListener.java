package org.certboard.renewal.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.events.exam.ExamPassed;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.certboard.renewal.issuance.IssuanceService;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Exam events: a pass issues or renews a certification; other exam events do not concern renewal-service. A poll's
 * passes are applied as a set ({@link IssuanceService#onExamsPassed}).
 */
@ApplicationScoped
public class ExamEventsListener {
    private final EventConsumer consumer;
    private final EventHandlers handlers;

    public ExamEventsListener(EventConsumer consumer, IssuanceService issuance) {
        this.consumer = consumer;
        this.handlers = EventHandlers.inSets(issuance::onExamsPassed, ExamPassed.class);
    }

    /** The channel, a poll at a time (batch=true): see {@link EventConsumer#consumeBatch}. */
    @Incoming("exam-events")
    @ActivateRequestContext
    public Uni<Void> onExamEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }
}
