package org.certboard.candidate.timeline;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A stored step; written only by {@link TimelineProjection} (insert, on conflict nothing), read here. */
@Entity
@Table(name = "timeline_entry")
@IdClass(TimelineRow.Key.class)
public class TimelineRow extends PanacheEntityBase {
    @Id
    @Column(name = "event_id")
    public UUID eventId;
    @Id
    @Enumerated(EnumType.STRING)
    public Step step;
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Column(name = "occurred_at")
    public Instant occurredAt;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    public String service;
    public String ref;
    @Column(name = "actor_subject")
    public String actorSubject;
    @Column(name = "actor_role")
    public String actorRole;
    public String detail;

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
