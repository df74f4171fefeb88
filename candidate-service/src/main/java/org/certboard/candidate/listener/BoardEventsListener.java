package org.certboard.candidate.listener;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;

import org.certboard.candidate.mail.MailIntake;
import org.certboard.candidate.timeline.TimelineProjection;
import org.certboard.candidate.webhook.WebhookIntake;
import org.certboard.candidate.webhook.WebhookSender;
import org.certboard.platform.inbox.EventConsumer;
import org.certboard.platform.inbox.EventHandlers;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * candidate-service's one consumer of the three topics (channel {@code board-events}, group
 * {@code candidate-service}): each poll in one transaction, read and checked once, with one dedupe statement. The
 * timeline takes the events seen for the first time; webhook deliveries and mail, idempotent by keys of their own,
 * take every delivery, so that an event a timeline replay recorded first still reaches partners and people. The
 * intakes only write rows: {@link WebhookSender} (woken after the commit) and the mail sender call out later, so no
 * subscriber or SMTP server holds the poll. Events of a key parked behind a dead letter wait for all three alike.
 */
@ApplicationScoped
public class BoardEventsListener {
    private final EventConsumer consumer;
    private final EventHandlers handlers;

    public BoardEventsListener(EventConsumer consumer, TimelineProjection timeline, WebhookIntake webhooks,
            MailIntake mail, WebhookSender sender) {
        this.consumer = consumer;
        this.handlers = timeline.handlers().withEveryDelivery(
                events -> webhooks.record(events).call(() -> mail.write(events)), sender::wakeUp);
    }

    /** The channel, a poll at a time (batch=true): see {@link EventConsumer#consumeBatch}. */
    @Incoming("board-events")
    @ActivateRequestContext
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.consumeBatch(batch, handlers);
    }
}
