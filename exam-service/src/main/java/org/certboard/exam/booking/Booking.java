package org.certboard.exam.booking;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.certboard.events.exam.BookingCancelled;
import org.certboard.events.exam.ExamBooked;
import org.certboard.exam.sitting.Sitting;
import org.certboard.platform.domain.Refusal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A candidate's seat at a sitting. Inserted with conditional SQL (see {@link BookingRepository#insertSeated}) so that
 * the partial unique index "one BOOKED booking per candidate and program" decides races. A booking is
 * its sitting's program's and stays in it. Its lifecycle is below: booked →
 * cancelled, booked → completed by a no-show or by a result (sat). Each transition checks the state it leaves and
 * returns the event to publish; a completed booking publishes its attempt's ({@code ExamResult.event}). Callers hold
 * the row lock ({@link BookingRepository#findLocked}).
 */
@Entity
public class Booking {
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
    public UUID candidateId;
    public UUID sittingId;
    public String program;
    /** The authorisation (in {@link #program}) the booking was made under, for the retake rule. */
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The one deferral to a later window has been used. */
    public boolean deferred;
    public Instant bookedAt;

    /**
     * A new active booking at the sitting, made under the authorisation {@code applicationId}: what
     * {@link BookingRepository#insertSeated} writes, so it is answered without being read back.
     */
    public static Booking book(UUID candidateId, Sitting sitting, UUID applicationId, Instant now) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.candidateId = candidateId;
        booking.sittingId = sitting.id;
        booking.program = sitting.program;
        booking.applicationId = applicationId;
        booking.status = Status.BOOKED;
        booking.bookedAt = now;
        return booking;
    }

    /** The event of a booking made (or moved) at the sitting. */
    public ExamBooked booked(Sitting at) {
        return new ExamBooked(candidateId, id, at.id, at.site, at.startsAt, program);
    }

    /** Booked → cancelled: frees the seat at {@link #sittingId} (the caller releases it). */
    public BookingCancelled cancel(Instant now) {
        requireActive();
        status = Status.CANCELLED;
        return new BookingCancelled(candidateId, id, sittingId, now, program);
    }

    /**
     * Booked → booked at another sitting of the same program. Into a window that opens after the current one closed
     * this is the one deferral; a second is refused.
     */
    public ExamBooked moveTo(Sitting to, boolean deferral) {
        requireActive();
        if (!program.equals(to.program)) {
            throw Refusal.rule("Other program", "booking " + id + " is for the " + program + " exam; sitting "
                    + to.id + " is a " + to.program + " sitting. Cancel and book the other program instead");
        }
        if (deferral && deferred) {
            throw Refusal.conflict("Deferral used", "booking " + id
                    + " was already deferred once; only one deferral to a later window is allowed");
        }
        sittingId = to.id;
        deferred = deferred || deferral;
        return booked(to);
    }

    /**
     * Booked → completed without a score: the candidate did not attend a sitting that has started. Its event is the
     * failed attempt's, which the result recorded for it publishes.
     */
    public void noShow(Instant now, Instant sittingStartsAt) {
        requireActive("; a no-show can be recorded only for an active booking");
        if (now.isBefore(sittingStartsAt)) {
            throw Refusal.conflict("Sitting not started", "sitting " + sittingId + " starts at "
                    + sittingStartsAt + "; a no-show is recorded after that");
        }
        status = Status.COMPLETED;
    }

    /**
     * Booked → completed by a result (sat): why no result can be recorded for a booking in {@code status} whose
     * sitting starts at {@code startsAt}, or null when one can. Decided for many bookings at once, so it reads the
     * facts rather than an entity; the statement that inserts their results then claims them (BOOKED becomes
     * COMPLETED, conditionally). A booking already completed passes here: its recorded result answers, or the claim
     * misses.
     */
    public static String refusesResult(Status status, Instant startsAt, Instant now) {
        if (status == Status.CANCELLED) {
            return "the booking was cancelled";
        }
        if (now.isBefore(startsAt)) {
            return "the sitting starts at " + startsAt + " and has not been held yet";
        }
        return null;
    }

    /** The precondition of every transition, for a caller that checks it before anything else. */
    public void requireActive() {
        requireActive("");
    }

    private void requireActive(String why) {
        if (status != Status.BOOKED) {
            throw Refusal.conflict("Booking not active", "booking " + id + " is " + status + why);
        }
    }
}
