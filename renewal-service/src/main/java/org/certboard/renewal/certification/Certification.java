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
import org.certboard.platform.problem.ProblemException;
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

    /** A passed exam certifies: ACTIVE, first certified on and first cycle from the exam date. */
    public static Issued issue(String number, UUID candidateId, LocalDate examDate, RenewalCalendar calendar) {
        Certification certification = new Certification();
        certification.id = UUID.randomUUID();
        certification.number = number;
        certification.candidateId = candidateId;
        certification.firstCertifiedOn = examDate;
        certification.startCycle(examDate, calendar.expiryFor(examDate), calendar);
        return new Issued(certification, new CertificationIssued(candidateId, number, certification.firstCertifiedOn,
                certification.cycleStartedOn, certification.expiresOn));
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
        return new CertificationRenewed(candidateId, number, method, late, cycleStartedOn, expiresOn, auditedBy);
    }

    public boolean canExpire() {
        return EXPIRES_FROM.contains(status);
    }

    /** ACTIVE → EXPIRED at the end of the expiry date. */
    public CertificationExpired expire() {
        require(EXPIRES_FROM, "expire");
        status = CertificationStatus.EXPIRED;
        return new CertificationExpired(candidateId, number, expiresOn);
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
        nextDueOn = null;
        return new CertificationLapsed(candidateId, number, lapsedOn);
    }

    /** The last day before it lapses: of the grace period, or of a retired certification's reactivation window. */
    public LocalDate lapsesAfter(RenewalCalendar calendar) {
        return retiredOn != null ? calendar.reactivationEndsOn(retiredOn) : calendar.lateRenewalEndsOn(expiresOn);
    }

    /**
     * What the clock job still owes a certification whose grace period is over (an outage, a jumped clock): EXPIRED
     * if still ACTIVE, then LAPSED, each with its own date, so consumers see the history they would have seen.
     * Reminders of the finished cycle are moot.
     */
    public List<EventPayload> lapseOverdue(RenewalCalendar calendar) {
        List<EventPayload> events = new ArrayList<>();
        if (canExpire()) {
            events.add(expire());
        }
        events.add(lapse(calendar));
        return events;
    }

    /**
     * The person's choice of retired status, recorded by staff: possible until the retirement window after expiry
     * closes, also from LAPSED (the window is longer than the grace period), unless a renewal awaits its audit or
     * the person has been certified anew since.
     *
     * @param holdsLive the person holds a certification that is not LAPSED: for a lapsed one, a newer one
     */
    public CertificationRetired retire(LocalDate today, Actor staff, boolean renewalAwaitingAudit, boolean holdsLive,
            RenewalCalendar calendar) {
        if (!RETIRES_FROM.contains(status)) {
            throw ProblemException.conflict("Already retired", "certification " + number + " is retired since "
                    + retiredOn);
        }
        if (today.isAfter(calendar.retirementEndsOn(expiresOn))) {
            throw ProblemException.unprocessable("Retirement no longer possible", "retired status could be chosen "
                    + "until " + calendar.retirementEndsOn(expiresOn));
        }
        if (renewalAwaitingAudit) {
            throw ProblemException.conflict("Renewal awaiting audit",
                    "a renewal of " + number + " awaits its CE audit; retire after the decision");
        }
        if (status == CertificationStatus.LAPSED && holdsLive) {
            throw ProblemException.conflict("Certified anew",
                    "the person holds a newer certification; the lapsed " + number + " cannot retire");
        }
        status = CertificationStatus.RETIRED;
        retiredOn = today;
        retiredBySubject = staff.subject();
        retiredByRole = staff.role();
        // the clock job lapses it the day after its reactivation window ends
        nextDueOn = calendar.reactivationEndsOn(today).plusDays(1);
        return new CertificationRetired(candidateId, number, today, staff);
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
        nextDueOn = calendar.schedule(expiry).get(0).dueOn();
    }

    private void require(Set<CertificationStatus> from, String transition) {
        if (!from.contains(status)) {
            throw new IllegalStateException("certification " + number + " is " + status + " and cannot " + transition);
        }
    }
}
