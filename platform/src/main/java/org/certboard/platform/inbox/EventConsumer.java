package org.certboard.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.certboard.events.CloudEventHeaders;
import org.certboard.events.EventCodec;
import org.certboard.events.EventType;
import org.certboard.events.InvalidEventException;
import org.certboard.platform.tracing.TraceParent;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Consumes one Kafka message idempotently. The event id (ce_id) is recorded in {@code processed_event} in the same
 * transaction as the handler's effect, so a redelivery is a no-op. A message that cannot be read or breaks its
 * schema is nacked, which the channel's dead-letter-queue strategy sends to {@code certboard.<service>.dlq} with the
 * reason in its headers; the consumer then moves on. A transient failure (database or network down) is retried
 * with backoff, holding the partition so that order is kept; anything else is retried a few times, then
 * dead-lettered.
 * <p>
 * Call from an {@code @Incoming} method annotated {@code @ActivateRequestContext} that takes {@code Message<String>}.
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    private static final int ATTEMPTS_BEFORE_DEAD_LETTER = 3;

    private final Clock clock;
    private final Mutiny.SessionFactory sessions;
    private final Tracer tracer;

    public EventConsumer(Clock clock, Mutiny.SessionFactory sessions, Tracer tracer) {
        this.clock = clock;
        this.sessions = sessions;
        this.tracer = tracer;
    }

    public Uni<Void> consume(Message<String> message, Function<IncomingEvent, Uni<Void>> handler) {
        IncomingEvent event;
        try {
            event = read(message);
        } catch (InvalidEventException e) {
            LOG.warnf("dead-lettering an unreadable event: %s", e.getMessage());
            return Uni.createFrom().completionStage(message.nack(e));
        }
        Span span = processingSpan(message, event);
        return Uni.createFrom().deferred(() -> {
            // Current while the handler builds its work, so that the events it writes to the outbox carry this trace.
            try (Scope ignored = span.makeCurrent()) {
                return Panache.withTransaction(() -> firstDelivery(event)
                        .chain(first -> first ? handler.apply(event) : Uni.createFrom().voidItem()));
            }
        })
                .onFailure(Failures::isTransient).retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10))
                .indefinitely()
                .onFailure(failure -> !(failure instanceof InvalidEventException)).retry()
                .withBackOff(Duration.ofMillis(100), Duration.ofSeconds(1)).atMost(ATTEMPTS_BEFORE_DEAD_LETTER - 1)
                .onItemOrFailure().transformToUni((done, failure) -> {
                    if (failure == null) {
                        span.end();
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    span.recordException(failure);
                    span.setStatus(StatusCode.ERROR, "dead-lettered");
                    span.end();
                    LOG.warnf(failure, "dead-lettering event %s (%s)", event.id(), event.type().type());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }

    /**
     * A consumer span that continues the trace of the request whose change produced the event (the relay copies the
     * outbox row's traceparent into the record's headers).
     */
    private Span processingSpan(Message<String> message, IncomingEvent event) {
        Context parent = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> TraceParent.of(metadata.getHeaders()))
                .orElse(Context.root());
        return tracer.spanBuilder(event.type().type() + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.message.id", event.id().toString())
                .startSpan();
    }

    /** Records the event id; true the first time, false for a repeat. Runs in the caller's transaction. */
    private Uni<Boolean> firstDelivery(IncomingEvent event) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "insert into processed_event (event_id, type, source, processed_at) values (:id, :type, :source, :at)"
                        + " on conflict do nothing")
                .setParameter("id", event.id())
                .setParameter("type", event.type().type())
                .setParameter("source", event.source())
                .setParameter("at", clock.instant())
                .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    static IncomingEvent read(Message<String> message) {
        Headers headers = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders)
                .orElseThrow(() -> new InvalidEventException("not a Kafka record"));
        String id = header(headers, CloudEventHeaders.ID);
        String typeName = header(headers, CloudEventHeaders.TYPE);
        EventType type = EventType.ofType(typeName)
                .orElseThrow(() -> new InvalidEventException("unknown event type " + typeName));
        try {
            return new IncomingEvent(UUID.fromString(id), type, header(headers, CloudEventHeaders.SOURCE),
                    header(headers, CloudEventHeaders.SUBJECT), Instant.parse(header(headers, CloudEventHeaders.TIME)),
                    EventCodec.read(type, message.getPayload()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidEventException("bad CloudEvents attribute: " + e.getMessage());
        }
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new InvalidEventException("missing CloudEvents header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
