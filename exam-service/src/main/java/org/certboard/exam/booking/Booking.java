package org.certboard.exam.booking;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;



import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A candidate's seat at a sitting. Inserted and moved with conditional SQL (see {@link BookingService}) so that the
 * partial unique index "one BOOKED booking per candidate" decides races.
 */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {
    @Schema(name = "BookingStatus")
    public enum Status {
        /** Active: holds a seat, awaiting its sitting and result. */
        BOOKED,
        CANCELLED,
        /** A result or a no-show was recorded. */
        COMPLETED
    }

    @Id
    public UUID id;
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Column(name = "sitting_id")
    public UUID sittingId;
    @Column(name = "application_id")
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The one deferral to a later window has been used. */
    public boolean deferred;
    @Column(name = "booked_at")
    public Instant bookedAt;
}
