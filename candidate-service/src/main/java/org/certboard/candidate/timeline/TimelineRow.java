package org.certboard.candidate.timeline;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.certboard.events.Actor;

/** A stored step; written only by {@link TimelineProjection} (insert, on conflict nothing), read by {@link TimelineService}. */
@Entity
@Table(name = "timeline_entry")
@IdClass(TimelineRow.Key.class)
public class TimelineRow {
    @Id
    public UUID eventId;
    @Id
    @Enumerated(EnumType.STRING)
    public Step step;
    public UUID candidateId;
    public Instant occurredAt;
    public Instant recordedAt;
    public String service;
    public String ref;
    public String actorSubject;
    public String actorRole;
    public String detail;

    /** For JPA. */
    public TimelineRow() {
    }

    TimelineRow(UUID eventId, Step step, UUID candidateId, Instant occurredAt, Instant recordedAt, String service,
            String ref, Actor actor, String detail) {
        this.eventId = eventId;
        this.step = step;
        this.candidateId = candidateId;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.service = service;
        this.ref = ref;
        this.actorSubject = actor == null ? null : actor.subject();
        this.actorRole = actor == null ? null : actor.role();
        this.detail = detail;
    }

    /** The composite key JPA needs to tell rows apart. */
    public static class Key implements Serializable {
        public UUID eventId;
        public Step step;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(eventId, key.eventId) && step == key.step;
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventId, step);
        }
    }
}
