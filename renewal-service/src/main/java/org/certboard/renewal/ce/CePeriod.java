package org.certboard.renewal.ce;

import java.time.LocalDate;

import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;
import org.certboard.renewal.clock.RenewalCalendar;

/**
 * The days whose CE counts toward the next renewal, both ends inclusive. Normally the current cycle. A retired
 * certification has no running cycle; its reactivation counts the CE of the last cycle length before today, as if
 * a cycle ended today.
 */
public record CePeriod(LocalDate from, LocalDate until) {

    public static CePeriod of(Certification certification, RenewalCalendar calendar, LocalDate today) {
        if (certification.status == CertificationStatus.RETIRED) {
            return new CePeriod(today.minus(calendar.expiryRule().cycle()).plusDays(1), today);
        }
        return new CePeriod(certification.cycleStartedOn, certification.expiresOn);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(until);
    }
}
