package org.certboard.candidate.webhook;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.CloudEventHeaders;
import org.certboard.events.EventCodec;
import org.certboard.platform.inbox.IncomingEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.smallrye.mutiny.Uni;

/**
 * Records, for each event of the three topics, one delivery per subscription entitled to it, in the consumer's
 * transaction ({@link org.certboard.candidate.listener.BoardEventsListener}); {@link WebhookSender} does the calling.
 * Idempotent by the delivery's key (subscription, event id): a repeated event adds nothing.
 */
@ApplicationScoped
public class WebhookIntake {
    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final ObjectMapper json;

    public WebhookIntake(DeliveryRepository deliveries, Clock clock, ObjectMapper json) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.json = json;
    }

    /** The deliveries of these events, in their order; true when any was added (the sender has work). */
    public Uni<Boolean> record(List<IncomingEvent> events) {
        List<DeliveryRepository.Arrived> arrived = new ArrayList<>(events.size());
        for (IncomingEvent event : events) {
            arrived.add(new DeliveryRepository.Arrived(event.id(), event.type().topic(), event.data().candidateId(),
                    event.type().type(), structured(event), Scope.ceProviderOf(event.data())));
        }
        return deliveries.record(arrived, clock.instant()).map(added -> added > 0);
    }

    /** The event as a structured-mode CloudEvent: what a subscriber receives. */
    private String structured(IncomingEvent event) {
        ObjectNode body = json.createObjectNode()
                .put("specversion", CloudEventHeaders.SPEC_VERSION_VALUE)
                .put("id", event.id().toString())
                .put("source", event.source())
                .put("type", event.type().type())
                .put("subject", event.subject())
                .put("time", event.time().toString())
                .put("datacontenttype", CloudEventHeaders.JSON);
        // the data as its producer wrote it: the same codec, from the same validated record
        body.set("data", EventCodec.toTree(event.data()));
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
