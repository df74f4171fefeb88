package org.certboard.renewal.ce;

import java.time.LocalDate;

import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;

/**
 * The days whose CE counts toward the next renewal, both ends inclusive. Normally the current cycle: from the exam
 * date for the first cycle; from the day after {@code cycleStartedOn} for a renewed or reactivated one, because that
 * cycle starts on the day that ended the previous period (the old expiry, or the reactivation date) and every day's
 * CE counts in exactly one period. A retired certification has no running cycle; its reactivation counts the CE of
 * the last cycle length up to and including today, as if a cycle ended today.
 */
public record CePeriod(LocalDate from, LocalDate until) {

    public static CePeriod of(Certification certification, RenewalCalendar calendar, LocalDate today) {
        if (certification.status == CertificationStatus.RETIRED) {
            return new CePeriod(today.minus(calendar.expiryRule().cycle()).plusDays(1), today);
        }
        boolean firstCycle = certification.cycleStartedOn.equals(certification.firstCertifiedOn);
        LocalDate from = firstCycle ? certification.cycleStartedOn : certification.cycleStartedOn.plusDays(1);
        return new CePeriod(from, certification.expiresOn);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }
}
