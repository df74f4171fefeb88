package org.certboard.candidate.webhook;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Headers;
import org.certboard.events.CloudEventHeaders;
import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.events.InvalidEventException;
import org.certboard.platform.inbox.Failures;
import org.certboard.platform.kafka.KafkaCloudEvents;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Records, for each event of the three topics, one delivery per subscription entitled to it, on its own channel and
 * consumer group ({@code webhook-events}): however slow a subscriber, the timeline and the other consumers never
 * wait for it, and this consumer only writes rows; {@link WebhookSender} does the calling.
 * <p>
 * Idempotent by the delivery's key (subscription, event id), not by the platform's processed_event: that table is
 * keyed by event id alone and belongs to the timeline's consumer in this service, so sharing it would make the one
 * skip what the other applied. An event that breaks its schema is not delivered (the timeline's consumer dead-letters
 * it with the reason); a failure that waiting cures is retried, holding the partition so that order is kept.
 */
@ApplicationScoped
public class WebhookListener {
    private static final Logger LOG = Logger.getLogger(WebhookListener.class);

    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final Clock clock;
    private final ObjectMapper json;
    private final Counter unreadable;

    public WebhookListener(DeliveryRepository deliveries, WebhookSender sender, Clock clock, ObjectMapper json,
            MeterRegistry registry) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.clock = clock;
        this.json = json;
        this.unreadable = Counter.builder("certboard.webhook.events.unreadable")
                .description("Events not offered to webhook subscribers because they break their schema")
                .register(registry);
    }

    @Incoming("webhook-events")
    public Uni<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        List<DeliveryRepository.Arrived> arrived = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch) {
            DeliveryRepository.Arrived event = read(record.getTopic(), record.getHeaders(), record.getPayload());
            if (event != null) {
                arrived.add(event);
            }
        }
        if (arrived.isEmpty()) {
            return Uni.createFrom().completionStage(batch.ack());
        }
        return Uni.createFrom().deferred(() -> deliveries.record(arrived, clock.instant()))
                .onFailure(Failures::isTransient).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely()
                .invoke(added -> {
                    if (added > 0) {
                        sender.wakeUp();
                    }
                })
                .chain(() -> Uni.createFrom().completionStage(batch.ack()));
    }

    /** The event as a structured-mode CloudEvent (what a subscriber receives), or null when it is unreadable. */
    private DeliveryRepository.Arrived read(String topic, Headers headers, String data) {
        try {
            KafkaCloudEvents.Envelope envelope = KafkaCloudEvents.envelope(headers);
            EventType type = EventType.ofType(envelope.type())
                    .orElseThrow(() -> new InvalidEventException("unknown event type " + envelope.type()));
            EventPayload payload = EventCodec.read(type, data);
            ObjectNode event = json.createObjectNode()
                    .put("specversion", CloudEventHeaders.SPEC_VERSION_VALUE)
                    .put("id", envelope.id().toString())
                    .put("source", envelope.source())
                    .put("type", envelope.type())
                    .put("subject", envelope.subject())
                    .put("time", envelope.time().toString())
                    .put("datacontenttype", CloudEventHeaders.JSON);
            event.set("data", json.readTree(data));
            return new DeliveryRepository.Arrived(envelope.id(), topic, payload.candidateId(), envelope.type(),
                    json.writeValueAsString(event), Scope.ceProviderOf(payload));
        } catch (InvalidEventException | JsonProcessingException e) {
            unreadable.increment();
            LOG.warnf("not offering an unreadable event of %s to webhook subscribers: %s", topic, e.getMessage());
            return null;
        }
    }
}
