package org.certboard.exam.booking;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.exam.access.BookingOwners;
import org.certboard.platform.sql.NativeSelect;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The {@code booking} table. Every method runs in the caller's session (and transaction, for the writes). */
@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID>, BookingOwners {

    /**
     * The booking locked for update: the seat a cancel or reschedule frees is at the sitting read here, so a concurrent
     * one must not change that sitting before our transaction ends. The loser waits, then sees the new state.
     */
    public Uni<Booking> findLocked(UUID bookingId) {
        return findById(bookingId, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Inserts an active booking unless the candidate already holds one in the program (the partial unique index
     * decides); false when they do.
     */
    public Uni<Boolean> insertActive(UUID bookingId, UUID candidateId, UUID sittingId, String program,
            UUID applicationId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into booking (id, candidate_id, sitting_id, program, application_id, status, deferred,
                    booked_at)
                values (:id, :candidate, :sitting, :program, :application, 'BOOKED', false, :at)
                on conflict (candidate_id, program) where status = 'BOOKED' do nothing""")
                .setParameter("id", bookingId).setParameter("candidate", candidateId)
                .setParameter("sitting", sittingId).setParameter("program", program)
                .setParameter("application", applicationId)
                .setParameter("at", now).executeUpdate())
                .map(rows -> rows == 1);
    }

    /** A candidate's bookings, by booking time; the id breaks ties, so pages never overlap. */
    public PanacheQuery<Booking> ofCandidate(UUID candidateId) {
        return find("candidateId", Sort.by("bookedAt").and("id"), candidateId);
    }

    /** A sitting's bookings, whatever their status, by booking time then id. */
    public PanacheQuery<Booking> ofSitting(UUID sittingId) {
        return find("sittingId", Sort.by("bookedAt").and("id"), sittingId);
    }

    @Override
    public Uni<Boolean> holds(UUID candidateId, UUID bookingId) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select count(*) from booking where id = :id and candidate_id = :candidate", Long.class)
                .setParameter("id", bookingId).setParameter("candidate", candidateId).getSingleResult())
                .map(n -> n > 0);
    }
}
