package org.certboard.platform.inbox;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;
import org.certboard.platform.outbox.Outbox;

/**
 * A CloudEvent read from Kafka: its attributes and its validated, typed data; {@code traceparent} is the consumer's
 * processing span for it (null when tracing is off or the event is not being consumed).
 */
public record IncomingEvent(UUID id, EventType type, String source, String subject, Instant time, EventPayload data,
        String traceparent) {

    public IncomingEvent(UUID id, EventType type, String source, String subject, Instant time, EventPayload data) {
        this(id, type, source, subject, time, data, null);
    }

    IncomingEvent traced(String traceparent) {
        return new IncomingEvent(id, type, source, subject, time, data, traceparent);
    }

    /**
     * An event this one causes, to write with {@link Outbox#addTraced}: a set handler writes the events of a whole
     * poll in one statement, and each keeps the trace of the event that caused it.
     */
    public Outbox.Traced causes(EventPayload caused) {
        return new Outbox.Traced(caused, traceparent);
    }
}
