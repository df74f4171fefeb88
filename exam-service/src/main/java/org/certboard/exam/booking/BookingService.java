package org.certboard.exam.booking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.certboard.events.exam.BookingCancelled;
import org.certboard.events.exam.ExamBooked;
import org.certboard.events.Actor;
import org.certboard.events.exam.ExamFailed;
import org.certboard.exam.BoardConfig;
import org.certboard.exam.eligibility.Authorisation;
import org.certboard.exam.result.ExamResult;
import org.certboard.exam.sitting.Seats;
import org.certboard.exam.sitting.Sitting;
import org.certboard.exam.window.ExamWindow;
import org.certboard.exam.window.WindowRules;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.problem.Problem;
import org.certboard.platform.problem.ProblemException;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Booking, cancelling, rescheduling and no-shows. Each runs in one transaction with its events; every rule that
 * concurrency could break (seats, one active booking) is decided by a conditional statement in the database.
 */
@ApplicationScoped
public class BookingService {

    /** A sitting with its window, loaded together because most rules need both. */
    record Slot(Sitting sitting, ExamWindow window, LocalDate day) {
    }

    private final Clock clock;
    private final BoardConfig board;
    private final Cutoff cutoff;
    private final RetakePolicy retakes;
    private final Outbox outbox;

    public BookingService(Clock clock, BoardConfig board, Cutoff cutoff, RetakePolicy retakes, Outbox outbox) {
        this.clock = clock;
        this.board = board;
        this.cutoff = cutoff;
        this.retakes = retakes;
        this.outbox = outbox;
    }

    public Uni<Booking> book(UUID candidateId, UUID sittingId) {
        Instant now = clock.instant();
        UUID bookingId = UUID.randomUUID();
        return Panache.withTransaction(() -> Authorisation.lockCandidates(List.of(candidateId))
                .chain(() -> slot(sittingId))
                .call(slot -> requireBeforeCutoff(slot, now, "booking"))
                .chain(slot -> authorisation(candidateId, slot)
                        .call(auth -> checkRetake(auth, slot))
                        .call(auth -> insertActive(bookingId, candidateId, sittingId, auth.applicationId, now))
                        .call(auth -> takeSeat(slot))
                        .call(auth -> outbox.add(booked(candidateId, bookingId, slot))))
                .chain(() -> Booking.<Booking>findById(bookingId)));
    }

    public Uni<Void> cancel(UUID bookingId) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> active(bookingId)
                .chain(booking -> slot(booking.sittingId)
                        .call(slot -> requireBeforeCutoff(slot, now, "cancelling"))
                        .call(slot -> execute("update booking set status = 'CANCELLED' where id = :id and status = 'BOOKED'",
                                bookingId).invoke(rows -> requireOne(rows, bookingId)))
                        .call(slot -> Seats.release(slot.sitting().id))
                        .call(slot -> outbox.add(new BookingCancelled(booking.candidateId, bookingId,
                                slot.sitting().id, now)))))
                .replaceWithVoid();
    }

    /** Moves an active booking to another sitting; into a later window this uses the single deferral. */
    public Uni<Booking> reschedule(UUID bookingId, UUID sittingId) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Authorisation.lockCandidatesOfBookings(List.of(bookingId))
                .chain(() -> active(bookingId)).chain(booking -> slot(booking.sittingId)
                .call(from -> requireBeforeCutoff(from, now, "rescheduling"))
                .chain(from -> {
                    if (from.sitting().id.equals(sittingId)) {
                        return Uni.createFrom().item(booking);
                    }
                    return slot(sittingId).chain(to -> move(booking, from, to, now));
                })));
    }

    private Uni<Booking> move(Booking booking, Slot from, Slot to, Instant now) {
        boolean deferral = WindowRules.isLater(to.window().opensOn, from.window().closesOn);
        if (deferral && booking.deferred) {
            throw ProblemException.conflict("Deferral used", "booking " + booking.id
                    + " was already deferred once; only one deferral to a later window is allowed");
        }
        UUID bookingId = booking.id;
        return requireBeforeCutoff(to, now, "booking")
                .chain(() -> authorisation(booking.candidateId, to))
                .call(auth -> checkRetake(auth, to))
                .call(() -> takeSeat(to))
                .call(() -> Panache.getSession().chain(session -> session.createNativeQuery("""
                        update booking set sitting_id = :to, deferred = deferred or :deferral
                        where id = :id and status = 'BOOKED' and sitting_id = :from""")
                        .setParameter("to", to.sitting().id).setParameter("deferral", deferral)
                        .setParameter("id", bookingId).setParameter("from", from.sitting().id)
                        .executeUpdate()).invoke(rows -> requireOne(rows, bookingId)))
                .call(() -> Seats.release(from.sitting().id))
                .call(() -> outbox.add(booked(booking.candidateId, bookingId, to)))
                .chain(() -> Panache.getSession().chain(session -> session.refresh(booking)))
                .replaceWith(booking);
    }

    /** Staff record that the candidate did not attend: a failed attempt without a score. */
    public Uni<ExamResult> noShow(UUID bookingId, Actor staff) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Authorisation.lockCandidatesOfBookings(List.of(bookingId))
                .chain(() -> Booking.<Booking>findById(bookingId, LockModeType.PESSIMISTIC_WRITE))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("booking", bookingId))
                .invoke(booking -> {
                    if (booking.status != Booking.Status.BOOKED) {
                        throw ProblemException.conflict("Booking not active", "booking " + bookingId + " is "
                                + booking.status + "; a no-show can be recorded only for an active booking");
                    }
                })
                .chain(booking -> slot(booking.sittingId).chain(slot -> {
                    if (now.isBefore(slot.sitting().startsAt)) {
                        throw ProblemException.conflict("Sitting not started", "sitting " + slot.sitting().id
                                + " starts at " + slot.sitting().startsAt + "; a no-show is recorded after that");
                    }
                    ExamResult result = ExamResult.noShow(booking, slot.day(), now, staff);
                    booking.status = Booking.Status.COMPLETED;
                    return result.<ExamResult>persist()
                            .call(() -> outbox.add(new ExamFailed(booking.candidateId, bookingId, slot.day(), null, true,
                                    staff)));
                })));
    }

    Uni<Slot> slot(UUID sittingId) {
        return Sitting.<Sitting>findById(sittingId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("sitting", sittingId))
                .chain(sitting -> ExamWindow.<ExamWindow>findById(sitting.windowId)
                        .map(window -> new Slot(sitting, window, LocalDate.ofInstant(sitting.startsAt, board.timeZone()))));
    }

    /**
     * Loads the booking locked for update (cancel and reschedule): the seat each frees is at the sitting read here, so
     * a concurrent cancel or reschedule must not change that sitting before our transaction ends. The loser waits, then
     * sees the new state (409 if no longer active).
     */
    private Uni<Booking> active(UUID bookingId) {
        return Booking.<Booking>findById(bookingId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("booking", bookingId))
                .invoke(booking -> {
                    if (booking.status != Booking.Status.BOOKED) {
                        throw ProblemException.conflict("Booking not active",
                                "booking " + bookingId + " is " + booking.status);
                    }
                });
    }

    private Uni<Void> requireBeforeCutoff(Slot slot, Instant now, String what) {
        if (!cutoff.open(now, slot.sitting().startsAt)) {
            throw new ProblemException(Problem.of(409, "Cutoff passed", what + " for sitting " + slot.sitting().id
                    + " closed at " + cutoff.closesAt(slot.sitting().startsAt))
                    .with("cutoff", cutoff.closesAt(slot.sitting().startsAt).toString()));
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Authorisation> authorisation(UUID candidateId, Slot slot) {
        return Authorisation.<Authorisation>findById(candidateId).invoke(auth -> {
            if (auth == null || !auth.permits(slot.day())) {
                String why = auth == null ? "no eligibility decision is held for candidate " + candidateId
                        : "the authorisation (" + auth.status + (auth.authorisedUntil != null
                                ? ", until " + auth.authorisedUntil : "") + ") does not cover " + slot.day();
                throw new ProblemException(Problem.of(403, "Not authorised", why).with("candidateId", candidateId));
            }
        });
    }

    private Uni<Void> checkRetake(Authorisation auth, Slot slot) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("""
                select w.closesOn, r.passed from ExamResult r, Booking b, Sitting s, ExamWindow w
                where b.id = r.bookingId and s.id = b.sittingId and w.id = s.windowId
                  and b.candidateId = :candidate and b.applicationId = :application""", Object[].class)
                .setParameter("candidate", auth.candidateId).setParameter("application", auth.applicationId)
                .getResultList())
                .invoke(rows -> {
                    List<RetakePolicy.Attempt> attempts = rows.stream()
                            .map(row -> new RetakePolicy.Attempt((LocalDate) row[0], (Boolean) row[1])).toList();
                    switch (retakes.check(attempts, slot.window().opensOn)) {
                        case ALLOWED -> {
                        }
                        case ALREADY_PASSED -> throw ProblemException.unprocessable("Already passed",
                                "candidate " + auth.candidateId + " has passed the exam in this authorisation period");
                        case ATTEMPTS_EXHAUSTED -> throw ProblemException.unprocessable("Attempts exhausted",
                                "candidate " + auth.candidateId + " has used all " + retakes.maxAttempts()
                                        + " attempts of this authorisation period");
                        case TOO_SOON_AFTER_FAIL -> throw ProblemException.unprocessable("Retake too soon",
                                "after a failed attempt the candidate may book only a sitting in a later window");
                    }
                })
                .replaceWithVoid();
    }

    /** Inserts the booking unless the candidate already holds an active one (the partial unique index decides). */
    private Uni<Void> insertActive(UUID bookingId, UUID candidateId, UUID sittingId, UUID applicationId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                insert into booking (id, candidate_id, sitting_id, application_id, status, deferred, booked_at)
                values (:id, :candidate, :sitting, :application, 'BOOKED', false, :at)
                on conflict (candidate_id) where status = 'BOOKED' do nothing""")
                .setParameter("id", bookingId).setParameter("candidate", candidateId)
                .setParameter("sitting", sittingId).setParameter("application", applicationId)
                .setParameter("at", now).executeUpdate())
                .invoke(rows -> {
                    if (rows == 0) {
                        throw ProblemException.conflict("Already booked",
                                "candidate " + candidateId + " already holds an active booking");
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> takeSeat(Slot slot) {
        return Seats.take(slot.sitting().id).invoke(taken -> {
            if (!taken) {
                throw ProblemException.conflict("Sitting full", "sitting " + slot.sitting().id + " has no seat left");
            }
        }).replaceWithVoid();
    }

    private static ExamBooked booked(UUID candidateId, UUID bookingId, Slot slot) {
        return new ExamBooked(candidateId, bookingId, slot.sitting().id, slot.sitting().site, slot.sitting().startsAt);
    }

    private static Uni<Integer> execute(String sql, UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql).setParameter("id", id).executeUpdate());
    }

    /** Another request changed the booking between our read and our conditional write. */
    private static void requireOne(int rows, UUID bookingId) {
        if (rows != 1) {
            throw ProblemException.conflict("Booking changed", "booking " + bookingId + " was changed concurrently");
        }
    }
}
