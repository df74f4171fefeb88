package org.certboard.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.certboard.events.CloudEventHeaders;
import org.certboard.events.InvalidEventException;
import org.certboard.platform.tracing.TraceParent;

/**
 * CloudEvents in binary mode on Kafka records (the Kafka protocol binding 1.0), both directions in one place: the
 * relay writes records with {@link #record}, consumers read the attributes back with {@link #envelope}.
 */
public final class KafkaCloudEvents {

    /** The CloudEvents attributes certboard sets on every event; the data travels as the record's value. */
    public record Envelope(UUID id, String type, String source, String subject, Instant time) {
    }

    private KafkaCloudEvents() {
    }

    /** The record for an event: keyed (by candidate id) so one person's events stay in order on one partition. */
    public static ProducerRecord<String, byte[]> record(String topic, String key, Envelope envelope, String data,
            String traceparent) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key,
                data.getBytes(StandardCharsets.UTF_8));
        Headers headers = record.headers();
        add(headers, CloudEventHeaders.ID, envelope.id().toString());
        add(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_VALUE);
        add(headers, CloudEventHeaders.TYPE, envelope.type());
        add(headers, CloudEventHeaders.SOURCE, envelope.source());
        add(headers, CloudEventHeaders.SUBJECT, envelope.subject());
        add(headers, CloudEventHeaders.TIME, envelope.time().toString());
        add(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        if (traceparent != null) {
            add(headers, TraceParent.HEADER, traceparent);
        }
        return record;
    }

    /**
     * The attributes of a received record.
     *
     * @throws InvalidEventException when one is missing, empty or malformed: the record is not a certboard event
     */
    public static Envelope envelope(Headers headers) {
        try {
            return new Envelope(UUID.fromString(attribute(headers, CloudEventHeaders.ID)),
                    attribute(headers, CloudEventHeaders.TYPE), attribute(headers, CloudEventHeaders.SOURCE),
                    attribute(headers, CloudEventHeaders.SUBJECT),
                    Instant.parse(attribute(headers, CloudEventHeaders.TIME)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidEventException("bad CloudEvents attribute: " + e.getMessage());
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String attribute(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            throw new InvalidEventException("missing CloudEvents header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
