package org.certboard.platform.inbox;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;
import org.certboard.events.EventType;

/** A CloudEvent read from Kafka: its attributes and its validated, typed data. */
public record IncomingEvent(UUID id, EventType type, String source, String subject, Instant time, EventPayload data) {
}
