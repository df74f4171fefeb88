package org.certboard.renewal.issuance;

import java.time.LocalDate;

import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;

/**
 * What a passed exam does to the person's certifications. The exam date decides, never the day the result arrives:
 * the outcome is what it would have been had the vendor released the result on the exam date.
 */
public sealed interface ExamPassOutcome {

    /** A new certification (nothing else to change). */
    record Issue() implements ExamPassOutcome {
    }

    /** The certification's cycle is renewed by re-examination; late when the exam was after its expiry. */
    record RenewByExam(Certification certification, boolean late) implements ExamPassOutcome {
    }

    /**
     * The certification had lapsed by the exam date but the clock job has not caught up (an outage, a jumped clock),
     * or it is retired and its reactivation window ended before the exam: it lapses now, with the dates it would
     * have had, and a new certification is issued.
     */
    record LapseThenIssue(Certification certification) implements ExamPassOutcome {
    }

    /** Nothing changes: the cycle the exam would start already runs, or a retired one is reactivated by CE only. */
    record Ignore(Certification certification) implements ExamPassOutcome {
    }

    /**
     * @param live         the person's certification that is not LAPSED (at most one), or null
     * @param newestLapsed when there is no live one, the person's LAPSED certification with the latest expiry, or null
     */
    static ExamPassOutcome of(Certification live, Certification newestLapsed, LocalDate examDate,
            RenewalCalendar calendar) {
        if (live == null) {
            return withoutLive(newestLapsed, examDate, calendar);
        }
        if (live.status == CertificationStatus.RETIRED) {
            return live.inReactivationWindow(examDate, calendar) ? new Ignore(live) : new LapseThenIssue(live);
        }
        if (examDate.isAfter(calendar.lateRenewalEndsOn(live.expiresOn))) {
            return new LapseThenIssue(live);
        }
        return calendar.renewsByExam(live.expiresOn, examDate)
                ? new RenewByExam(live, examDate.isAfter(live.expiresOn)) : new Ignore(live);
    }

    /**
     * A lapsed certification is still renewed by a pass dated in its last year or its grace period (the result
     * arrived after the clock job lapsed it); one that lapsed from retired status ignores a pass dated within its
     * reactivation window, as it would have had the result arrived in time.
     */
    private static ExamPassOutcome withoutLive(Certification lapsed, LocalDate examDate, RenewalCalendar calendar) {
        if (lapsed == null) {
            return new Issue();
        }
        if (lapsed.retiredOn == null && calendar.renewsByExam(lapsed.expiresOn, examDate)) {
            return new RenewByExam(lapsed, examDate.isAfter(lapsed.expiresOn));
        }
        if (lapsed.inReactivationWindow(examDate, calendar)) {
            return new Ignore(lapsed);
        }
        return new Issue();
    }
}
