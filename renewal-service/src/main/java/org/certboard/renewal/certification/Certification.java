package org.certboard.renewal.certification;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.renewal.CertificationExpired;
import org.certboard.events.renewal.CertificationIssued;
import org.certboard.events.renewal.CertificationLapsed;
import org.certboard.events.renewal.CertificationRenewed;
import org.certboard.events.renewal.CertificationRetired;
import org.certboard.platform.domain.Refusal;
import org.certboard.renewal.calendar.ClockAction;
import org.certboard.renewal.calendar.RenewalCalendar;

/**
 * A certification and its lifecycle. Every status change is one method here that checks the status it starts from
 * and returns the event to publish; services load, call, persist and hand the event to the outbox.
 */
@Entity
public class Certification {
    private static final Set<CertificationStatus> EXPIRES_FROM = EnumSet.of(CertificationStatus.ACTIVE);
    private static final Set<CertificationStatus> LAPSES_FROM = EnumSet.of(CertificationStatus.EXPIRED,
            CertificationStatus.RETIRED);
    private static final Set<CertificationStatus> RETIRES_FROM = EnumSet.of(CertificationStatus.ACTIVE,
            CertificationStatus.EXPIRED, CertificationStatus.LAPSED);

    @Id
    public UUID id;
    public String number;
    /** The credential program (CCM, ACM, ...) whose rules the certification follows. */
    public String program;
    public UUID candidateId;
    @Enumerated(EnumType.STRING)
    public CertificationStatus status;
    public LocalDate firstCertifiedOn;
    public LocalDate cycleStartedOn;
    public LocalDate expiresOn;
    public LocalDate retiredOn;
    public String retiredBySubject;
    public String retiredByRole;
    /** The board date of the clock job's next action on this certification; null when none is left. */
    public LocalDate nextDueOn;

    /** A new certification and the event announcing it. */
    public record Issued(Certification certification, CertificationIssued event) {
    }

    /**
     * A passed exam of {@code program} certifies: ACTIVE, first certified on and first cycle from the exam date, by
     * the program's calendar.
     */
    public static Issued issue(String number, String program, UUID candidateId, LocalDate examDate,
            RenewalCalendar calendar) {
        Certification certification = new Certification();
        certification.id = UUID.randomUUID();
        certification.number = number;
        certification.program = program;
        certification.candidateId = candidateId;
        certification.firstCertifiedOn = examDate;
        certification.startCycle(examDate, calendar.expiryFor(examDate), calendar);
        return new Issued(certification, new CertificationIssued(candidateId, number, certification.firstCertifiedOn,
                certification.cycleStartedOn, certification.expiresOn, program));
    }

    /**
     * Renewed (by CE, by re-examination, or reactivated from retired status): ACTIVE with the next cycle. Allowed from
     * every status (EXPIRED: late; LAPSED: an exam dated before the lapse, an audit accepted after it; RETIRED:
     * reactivation); whether this renewal may happen now is the renewal rules' decision.
     *
     * @param auditedBy the staff member who accepted an audited renewal's evidence, else null
     */
    public CertificationRenewed renew(String method, boolean late, LocalDate nextCycleStartsOn, LocalDate nextExpiry,
            Actor auditedBy, RenewalCalendar calendar) {
        startCycle(nextCycleStartsOn, nextExpiry, calendar);
        return new CertificationRenewed(candidateId, number, method, late, cycleStartedOn, expiresOn, auditedBy,
                program);
    }

    public boolean canExpire() {
        return EXPIRES_FROM.contains(status);
    }

    /** ACTIVE → EXPIRED at the end of the expiry date; the event says until when a late renewal restores it. */
    public CertificationExpired expire(RenewalCalendar calendar) {
        require(EXPIRES_FROM, "expire");
        status = CertificationStatus.EXPIRED;
        return new CertificationExpired(candidateId, number, expiresOn, program,
                calendar.lateRenewalEndsOn(expiresOn));
    }

    public boolean canLapse() {
        return LAPSES_FROM.contains(status);
    }

    /**
     * EXPIRED → LAPSED after the grace period, RETIRED → LAPSED after the reactivation window. Nothing is due on a
     * lapsed certification any more: only a new exam certifies again, under a new number.
     */
    public CertificationLapsed lapse(RenewalCalendar calendar) {
        require(LAPSES_FROM, "lapse");
        LocalDate lapsedOn = lapsesAfter(calendar);
        status = CertificationStatus.LAPSED;
        nextDueOn = nextDueAfter(lapsedOn, calendar);
        return new CertificationLapsed(candidateId, number, lapsedOn, program);
    }

    /** The last day before it lapses: of the grace period, or of a retired certification's reactivation window. */
    public LocalDate lapsesAfter(RenewalCalendar calendar) {
        return retiredOn != null ? calendar.reactivationEndsOn(retiredOn) : calendar.lateRenewalEndsOn(expiresOn);
    }

    /**
     * True when it was retired (and may since have lapsed) and {@code day} lies within its reactivation window: a
     * reactivation by CE is possible then, and a passed exam dated then changes nothing.
     */
    public boolean inReactivationWindow(LocalDate day, RenewalCalendar calendar) {
        return retiredOn != null && !day.isAfter(calendar.reactivationEndsOn(retiredOn));
    }

    /**
     * May it renew on {@code today}, as far as its status and dates decide? ACTIVE or EXPIRED: inside the renewal
     * window, or late inside the grace period, the next cycle starting at the old expiry (no gap). RETIRED: reactivated
     * within the reactivation window, the next cycle starting today. LAPSED: never; only a new exam certifies again.
     */
    public RenewalOpening renewalOpening(LocalDate today, RenewalCalendar calendar) {
        return switch (status) {
            case LAPSED -> new RenewalOpening.Closed(RenewalOpening.Reason.STATUS, "the certification lapsed after "
                    + lapsesAfter(calendar) + ": reapply and pass the exam");
            case RETIRED -> inReactivationWindow(today, calendar) ? new RenewalOpening.Open(today, false)
                    : new RenewalOpening.Closed(RenewalOpening.Reason.STATUS, "reactivation from retired status was"
                            + " possible until " + calendar.reactivationEndsOn(retiredOn)
                            + ": reapply and pass the exam");
            case ACTIVE, EXPIRED -> switch (calendar.timing(expiresOn, today)) {
                case TOO_EARLY -> new RenewalOpening.Closed(RenewalOpening.Reason.WINDOW, "the renewal window opens on "
                        + calendar.windowOpensOn(expiresOn));
                case ON_TIME -> new RenewalOpening.Open(expiresOn, false);
                case LATE -> new RenewalOpening.Open(expiresOn, true);
                case TOO_LATE -> new RenewalOpening.Closed(RenewalOpening.Reason.WINDOW, "late renewal ended on "
                        + calendar.lateRenewalEndsOn(expiresOn));
            };
        };
    }

    /**
     * The clock's actions due on it by {@code today}, in date order, from its stored next due date on: the cycle's
     * reminders, expiry and lapse; for a retired one, whose cycle clock has stopped, only the lapse at the end of its
     * reactivation window; nothing for a lapsed one.
     */
    public List<ClockAction> dueBy(LocalDate today, RenewalCalendar calendar) {
        return switch (status) {
            case ACTIVE, EXPIRED -> calendar.dueBetween(expiresOn, nextDueOn, today);
            case RETIRED -> {
                ClockAction.Lapse lapse = retiredLapse(calendar);
                yield lapse.dueOn().isAfter(today) ? List.of() : List.of(lapse);
            }
            case LAPSED -> List.of();
        };
    }

    /** The clock has performed everything due by {@code today}: its next run comes for the next action. */
    public void caughtUpTo(LocalDate today, RenewalCalendar calendar) {
        nextDueOn = nextDueAfter(today, calendar);
    }

    /**
     * What the clock job still owes a certification whose grace period is over (an outage, a jumped clock): EXPIRED
     * if still ACTIVE, then LAPSED, each with its own date, so consumers see the history they would have seen.
     * Reminders of the finished cycle are moot.
     */
    public List<EventPayload> lapseOverdue(RenewalCalendar calendar) {
        List<EventPayload> events = new ArrayList<>();
        if (canExpire()) {
            events.add(expire(calendar));
        }
        events.add(lapse(calendar));
        return events;
    }

    /**
     * The person's choice of retired status, recorded by staff: possible until the retirement window after expiry
     * closes, also from LAPSED (the window is longer than the grace period), unless a renewal awaits its audit or
     * the person has been certified anew since.
     *
     * @param holdsLive the person holds a certification of its program that is not LAPSED: for a lapsed one, a newer
     *                  one
     */
    public CertificationRetired retire(LocalDate today, Actor staff, boolean renewalAwaitingAudit, boolean holdsLive,
            RenewalCalendar calendar) {
        if (!RETIRES_FROM.contains(status)) {
            throw Refusal.conflict("Already retired", "certification " + number + " is retired since "
                    + retiredOn);
        }
        if (today.isAfter(calendar.retirementEndsOn(expiresOn))) {
            throw Refusal.rule("Retirement no longer possible", "retired status could be chosen "
                    + "until " + calendar.retirementEndsOn(expiresOn));
        }
        if (renewalAwaitingAudit) {
            throw Refusal.conflict("Renewal awaiting audit",
                    "a renewal of " + number + " awaits its CE audit; retire after the decision");
        }
        if (status == CertificationStatus.LAPSED && holdsLive) {
            throw Refusal.conflict("Certified anew",
                    "the person holds a newer certification in the program; the lapsed " + number + " cannot retire");
        }
        status = CertificationStatus.RETIRED;
        retiredOn = today;
        retiredBySubject = staff.subject();
        retiredByRole = staff.role();
        nextDueOn = nextDueAfter(today, calendar);
        return new CertificationRetired(candidateId, number, today, staff, program);
    }

    /** The staff member who recorded the person's choice of retired status. */
    public Actor retiredBy() {
        return retiredBySubject == null ? null : new Actor(retiredBySubject, retiredByRole);
    }

    /** Starts a cycle: ACTIVE, with the clock job's first action of the new cycle scheduled. */
    private void startCycle(LocalDate startedOn, LocalDate expiry, RenewalCalendar calendar) {
        status = CertificationStatus.ACTIVE;
        cycleStartedOn = startedOn;
        expiresOn = expiry;
        retiredOn = null;
        // none of the new cycle's actions has been performed yet
        nextDueOn = nextDueAfter(LocalDate.MIN, calendar);
    }

    /**
     * The one rule for {@link #nextDueOn}: the date of the clock's first action after {@code day} in its current
     * status (see {@link #dueBy}); null when none is left.
     */
    private LocalDate nextDueAfter(LocalDate day, RenewalCalendar calendar) {
        return switch (status) {
            case ACTIVE, EXPIRED -> calendar.nextDueAfter(expiresOn, day).orElse(null);
            case RETIRED -> retiredLapse(calendar).dueOn();
            case LAPSED -> null;
        };
    }

    /** A retired certification lapses the day after its reactivation window ends. */
    private ClockAction.Lapse retiredLapse(RenewalCalendar calendar) {
        return new ClockAction.Lapse(calendar.reactivationEndsOn(retiredOn));
    }

    private void require(Set<CertificationStatus> from, String transition) {
        if (!from.contains(status)) {
            throw new IllegalStateException("certification " + number + " is " + status + " and cannot " + transition);
        }
    }
}
