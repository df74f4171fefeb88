package org.certboard.exam.booking;

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

    /** What {@link #insertSeated} did. */
    public enum Insert {
        SEATED,
        /** The candidate already holds an active booking in the program: nothing was written. */
        ALREADY_ACTIVE,
        /** The booking was inserted but found no seat: the caller rolls back. */
        SITTING_FULL
    }

    /**
     * Inserts the booking, active, unless the candidate already holds one in the program (the partial unique index
     * decides), and takes its seat, in one statement. The seat is taken only for an inserted booking, by the
     * conditional update of {@link org.certboard.exam.sitting.SittingRepository#takeSeat}: it locks the sitting's
     * row until the commit, so the caller sends this last. Telling which of the two missed costs one more statement,
     * on a refusal only.
     */
    public Uni<Insert> insertSeated(Booking booking) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                with inserted as (
                    insert into booking (id, candidate_id, sitting_id, program, application_id, status, deferred,
                        booked_at)
                    values (:id, :candidate, :sitting, :program, :application, 'BOOKED', false, :at)
                    on conflict (candidate_id, program) where status = 'BOOKED' do nothing
                    returning sitting_id)
                update sitting set seats_booked = seats_booked + 1, version = version + 1
                where id = (select sitting_id from inserted) and seats_booked < capacity""")
                .setParameter("id", booking.id).setParameter("candidate", booking.candidateId)
                .setParameter("sitting", booking.sittingId).setParameter("program", booking.program)
                .setParameter("application", booking.applicationId)
                .setParameter("at", booking.bookedAt).executeUpdate())
                .chain(seated -> seated == 1 ? Uni.createFrom().item(Insert.SEATED)
                        : exists(booking.id).map(inserted -> inserted ? Insert.SITTING_FULL : Insert.ALREADY_ACTIVE));
    }

    /** A candidate's bookings, by booking time; the id breaks ties, so pages never overlap. */
    public PanacheQuery<Booking> ofCandidate(UUID candidateId) {
        return find("candidateId", Sort.by("bookedAt").and("id"), candidateId);
    }

    /** A sitting's bookings, whatever their status, by booking time then id. */
    public PanacheQuery<Booking> ofSitting(UUID sittingId) {
        return find("sittingId", Sort.by("bookedAt").and("id"), sittingId);
    }

    /** Seen in the caller's transaction, so a booking it inserted exists. */
    private static Uni<Boolean> exists(UUID bookingId) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select count(*) from booking where id = :id", Long.class)
                .setParameter("id", bookingId).getSingleResult())
                .map(n -> n > 0);
    }

    @Override
    public Uni<Boolean> holds(UUID candidateId, UUID bookingId) {
        return Panache.getSession().chain(session -> NativeSelect.of(session,
                "select count(*) from booking where id = :id and candidate_id = :candidate", Long.class)
                .setParameter("id", bookingId).setParameter("candidate", candidateId).getSingleResult())
                .map(n -> n > 0);
    }
}
