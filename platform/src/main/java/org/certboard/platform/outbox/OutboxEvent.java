package org.certboard.platform.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.certboard.events.EventCodec;
import org.certboard.events.EventPayload;
import org.certboard.events.EventType;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * One event waiting in the outbox. Written by {@link Outbox} in the transaction of the change it announces; read,
 * published and marked by {@link OutboxRelay}. Its id is the CloudEvents id and the consumers' dedupe key.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {
    @Id
    public UUID id;
    public String topic;
    @Column(name = "event_key")
    public String key;
    public String type;
    public String source;
    public String subject;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    public String payload;

    protected OutboxEvent() {
    }

    OutboxEvent(EventPayload event, Instant occurredAt) {
        EventType type = EventType.of(event);
        this.id = UUID.randomUUID();
        this.topic = type.topic();
        this.key = event.candidateId().toString();
        this.type = type.type();
        this.source = type.service().source();
        this.subject = key;
        this.occurredAt = occurredAt;
        this.payload = EventCodec.toJson(event);
    }
}
