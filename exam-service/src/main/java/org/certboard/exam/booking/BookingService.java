package org.certboard.exam.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.certboard.events.exam.ExamBooked;
import org.certboard.exam.eligibility.Authorisation;
import org.certboard.exam.eligibility.AuthorisationRepository;
import org.certboard.exam.sitting.Sitting;
import org.certboard.exam.sitting.SittingRepository;
import org.certboard.exam.window.ExamWindow;
import org.certboard.exam.window.WindowRules;
import org.certboard.platform.clock.BoardTime;
import org.certboard.platform.domain.Refusal;
import org.certboard.platform.outbox.Outbox;
import org.certboard.platform.paging.Page;
import org.certboard.platform.paging.PageRequest;
import org.certboard.platform.program.ProgramRules;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Booking, cancelling and rescheduling. Each runs in one transaction with its events; every rule that concurrency
 * could break (seats, one active booking per program) is decided by a conditional statement in the database. A
 * sitting's program decides which authorisation is needed and whose retake rules apply.
 */
@ApplicationScoped
public class BookingService {

    /** A sitting with its window, loaded together because most rules need both. */
    record Slot(Sitting sitting, ExamWindow window, LocalDate day) {
    }

    private final BoardTime time;
    private final Cutoff cutoff;
    private final ProgramRules<RetakePolicy> retakes;
    private final Outbox outbox;
    private final BookingRepository bookings;
    private final SittingRepository sittings;
    private final AuthorisationRepository authorisations;
    private final AttemptHistory history;

    public BookingService(BoardTime time, Cutoff cutoff, ProgramRules<RetakePolicy> retakes, Outbox outbox,
            BookingRepository bookings, SittingRepository sittings, AuthorisationRepository authorisations,
            AttemptHistory history) {
        this.time = time;
        this.cutoff = cutoff;
        this.retakes = retakes;
        this.outbox = outbox;
        this.bookings = bookings;
        this.sittings = sittings;
        this.authorisations = authorisations;
        this.history = history;
    }

    /**
     * Five statements: the sitting with its window, then in one transaction the candidate's lock with their
     * authorisations, the attempts, the event, and the booking with its seat. The sitting is read first, outside the
     * transaction: in a booking rush most requests meet a full sitting, and that read alone answers them (409), with no
     * lock taken. Its seat count only refuses early: the seat is taken by the conditional last statement.
     */
    public Uni<Booking> book(UUID candidateId, UUID sittingId) {
        Instant now = time.now();
        return Panache.withSession(() -> slot(sittingId)
                .call(slot -> requireBeforeCutoff(slot, now, "booking"))
                .invoke(BookingService::requireSeatLeft)
                .chain(slot -> Panache.withTransaction(() -> authorisations.lockCandidate(candidateId)
                        .chain(held -> {
                            Authorisation auth = requireAuthorised(candidateId, slot, inProgram(held, slot));
                            Booking booking = Booking.book(candidateId, slot.sitting(), auth.applicationId, now);
                            return checkRetake(auth, slot)
                                    // the event first, so that the booking and its seat come last in one statement;
                                    // a refusal there rolls the event back
                                    .call(() -> outbox.add(booking.booked(slot.sitting())))
                                    // the seat last: its update locks the sitting's row until the commit, and every
                                    // booking of the sitting queues behind that lock, so nothing else runs while it
                                    // is held
                                    .call(() -> insertSeated(booking, slot))
                                    .replaceWith(booking);
                        }))));
    }

    public Uni<Void> cancel(UUID bookingId) {
        Instant now = time.now();
        return Panache.withTransaction(() -> active(bookingId)
                .chain(booking -> slot(booking.sittingId)
                        .call(slot -> requireBeforeCutoff(slot, now, "cancelling"))
                        .map(slot -> booking.cancel(now))
                        .call(cancelled -> sittings.releaseSeat(cancelled.sittingId()))
                        .call(outbox::add)))
                .replaceWithVoid();
    }

    /** Moves an active booking to another sitting; into a later window this uses the single deferral. */
    public Uni<Booking> reschedule(UUID bookingId, UUID sittingId) {
        Instant now = time.now();
        return Panache.withTransaction(() -> authorisations.lockCandidatesOf(List.of(bookingId))
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
        ExamBooked moved = booking.moveTo(to.sitting(), deferral);
        return requireBeforeCutoff(to, now, "booking")
                .chain(() -> authorisations.of(booking.candidateId, to.sitting().program))
                .map(auth -> requireAuthorised(booking.candidateId, to, auth))
                .call(auth -> checkRetake(auth, to))
                .call(() -> takeSeat(to))
                .call(() -> sittings.releaseSeat(from.sitting().id))
                .call(() -> outbox.add(moved))
                .replaceWith(booking);
    }

    public Uni<Booking> get(UUID id) {
        return Panache.withSession(() -> bookings.findById(id))
                .onItem().ifNull().failWith(() -> Refusal.notFound("booking", id));
    }

    /** Opens its own session. */
    public Uni<Page<BookingView>> ofCandidate(UUID candidateId, PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(bookings.ofCandidate(candidateId), BookingView::of));
    }

    public Uni<Page<BookingView>> roster(UUID sittingId, PageRequest paging) {
        return Panache.withSession(() -> paging.fetch(bookings.ofSitting(sittingId), BookingView::of));
    }

    private Uni<Slot> slot(UUID sittingId) {
        return sittings.findScheduled(sittingId)
                .onItem().ifNull().failWith(() -> Refusal.notFound("sitting", sittingId))
                .map(found -> new Slot(found.sitting(), found.window(), time.dateOf(found.sitting().startsAt)));
    }

    /** The booking, locked (see {@link BookingRepository#findLocked}); 409 unless it is active. */
    private Uni<Booking> active(UUID bookingId) {
        return bookings.findLocked(bookingId)
                .onItem().ifNull().failWith(() -> Refusal.notFound("booking", bookingId))
                .invoke(Booking::requireActive);
    }

    private Uni<Void> requireBeforeCutoff(Slot slot, Instant now, String what) {
        if (!cutoff.open(now, slot.sitting().startsAt)) {
            throw Refusal.conflict("Cutoff passed", what + " for sitting " + slot.sitting().id
                    + " closed at " + cutoff.closesAt(slot.sitting().startsAt))
                    .with("cutoff", cutoff.closesAt(slot.sitting().startsAt).toString());
        }
        return Uni.createFrom().voidItem();
    }

    /** Of the candidate's authorisations, the one in the sitting's program; null when none is held. */
    private static Authorisation inProgram(List<Authorisation> held, Slot slot) {
        return held.stream().filter(auth -> auth.program.equals(slot.sitting().program)).findFirst().orElse(null);
    }

    /**
     * {@code auth}: the candidate's authorisation in the sitting's program, null when none is held; 403 unless it
     * covers the sitting's day.
     */
    private static Authorisation requireAuthorised(UUID candidateId, Slot slot, Authorisation auth) {
        String program = slot.sitting().program;
        if (auth == null || !auth.permits(slot.day())) {
            String why = auth == null
                    ? "no " + program + " eligibility decision is held for candidate " + candidateId
                    : "the " + program + " authorisation (" + auth.status + (auth.authorisedUntil != null
                            ? ", until " + auth.authorisedUntil : "") + ") does not cover " + slot.day();
            throw Refusal.forbidden("Not authorised", why).with("candidateId", candidateId);
        }
        return auth;
    }

    /** The retake rules of the sitting's program, over the candidate's attempts in that program. */
    private Uni<Void> checkRetake(Authorisation auth, Slot slot) {
        RetakePolicy policy = retakes.of(auth.program);
        RetakePolicy.Target target = new RetakePolicy.Target(auth.applicationId, slot.day(), slot.window().opensOn);
        return history.attempts(auth.candidateId, auth.program)
                .invoke(attempts -> {
                    switch (policy.check(attempts, target)) {
                        case ALLOWED -> {
                        }
                        case ALREADY_PASSED -> throw Refusal.rule("Already passed", "candidate " + auth.candidateId
                                + " has passed the " + auth.program + " exam in this authorisation period");
                        case ATTEMPTS_EXHAUSTED -> throw Refusal.rule("Attempts exhausted",
                                "candidate " + auth.candidateId + " has used all " + policy.maxAttempts() + " "
                                        + auth.program + " attempts of " + policy.describePeriod(slot.day()));
                        case TOO_SOON_AFTER_FAIL -> throw Refusal.rule("Retake too soon",
                                "after a failed attempt the candidate may book only a sitting in a later window");
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The booking and its seat ({@link BookingRepository#insertSeated}); "Already booked" wins over "Sitting full" when
     * the sitting still had a seat as {@link #book} read it.
     */
    private Uni<Void> insertSeated(Booking booking, Slot slot) {
        return bookings.insertSeated(booking).invoke(insert -> {
            switch (insert) {
                case SEATED -> {
                }
                case ALREADY_ACTIVE -> throw Refusal.conflict("Already booked", "candidate " + booking.candidateId
                        + " already holds an active " + booking.program + " booking");
                case SITTING_FULL -> throw full(slot);
            }
        }).replaceWithVoid();
    }

    /**
     * A sitting already full when read answers at once, without queueing for its row behind the bookings taking the
     * last seats (a burst of requests for a popular sitting is mostly refusals); {@link #takeSeat} still decides.
     */
    private static void requireSeatLeft(Slot slot) {
        if (slot.sitting().seatsBooked >= slot.sitting().capacity) {
            throw full(slot);
        }
    }

    private Uni<Void> takeSeat(Slot slot) {
        return sittings.takeSeat(slot.sitting().id).invoke(taken -> {
            if (!taken) {
                throw full(slot);
            }
        }).replaceWithVoid();
    }

    private static Refusal full(Slot slot) {
        return Refusal.conflict("Sitting full", "sitting " + slot.sitting().id + " has no seat left");
    }
}
