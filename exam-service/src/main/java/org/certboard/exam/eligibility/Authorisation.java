package org.certboard.exam.eligibility;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;

/** The latest eligibility decision held for a candidate; written only by {@link AuthorisationProjection}. */
@Entity
@Table(name = "authorisation")
public class Authorisation extends PanacheEntityBase {
    @Id
    @Column(name = "candidate_id")
    public UUID candidateId;
    @Column(name = "application_id")
    public UUID applicationId;
    public String status;
    @Column(name = "authorised_until")
    public LocalDate authorisedUntil;
    @Column(name = "decided_at")
    public Instant decidedAt;

    /**
     * Serialises everything that decides or changes a candidate's attempts (booking, rescheduling, recording a
     * result or a no-show): each takes its candidates' authorisation rows for update first, in candidate order so
     * that bulk imports cannot deadlock one another, before it reads earlier results or touches a booking. Without
     * it a booking could read the results just before a fail commits and book a retake in the failed window.
     * Needs the caller's transaction.
     */
    public static Uni<Void> lockCandidates(java.util.Collection<UUID> candidateIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select candidate_id from authorisation where candidate_id = any(:ids) order by candidate_id for update")
                .setParameter("ids", candidateIds.toArray(new UUID[0])).getResultList()).replaceWithVoid();
    }

    /** {@link #lockCandidates} for the candidates of these bookings. */
    public static Uni<Void> lockCandidatesOfBookings(java.util.Collection<UUID> bookingIds) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                select candidate_id from authorisation
                where candidate_id in (select candidate_id from booking where id = any(:ids))
                order by candidate_id for update""")
                .setParameter("ids", bookingIds.toArray(new UUID[0])).getResultList()).replaceWithVoid();
    }

    public boolean permits(LocalDate sittingDate) {
        return AuthorisationRule.permits(status, authorisedUntil, sittingDate);
    }
}
