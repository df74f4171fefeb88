package org.certboard.renewal.ce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;

import org.certboard.renewal.calendar.ExpiryRule;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;
import org.junit.jupiter.api.Test;

class CePeriodTest {
    static final RenewalCalendar CALENDAR = new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(5)),
            Period.ofMonths(3), List.of(180, 90, 30), Period.ofDays(30), Period.ofMonths(9), Period.ofYears(5),
            ZoneId.of("America/New_York"));

    static Certification certification(LocalDate firstCertifiedOn, LocalDate cycleStartedOn,
            CertificationStatus status) {
        Certification certification = new Certification();
        certification.firstCertifiedOn = firstCertifiedOn;
        certification.cycleStartedOn = cycleStartedOn;
        certification.expiresOn = CALENDAR.expiryFor(cycleStartedOn);
        certification.status = status;
        return certification;
    }

    @Test
    void theFirstCycleCountsFromTheExamDateToTheExpiryDate() {
        LocalDate exam = LocalDate.of(2021, 5, 31);
        CePeriod period = CePeriod.of(certification(exam, exam, CertificationStatus.ACTIVE), CALENDAR,
                LocalDate.of(2023, 1, 1));

        assertThat(period).isEqualTo(new CePeriod(exam, LocalDate.of(2026, 5, 31)));
        assertThat(period.contains(exam)).isTrue();
        assertThat(period.contains(exam.minusDays(1))).isFalse();
    }

    @Test
    void aRenewedCycleStartsCountingTheDayAfterTheOldExpirySoEachDayCountsInOneCycleOnly() {
        LocalDate exam = LocalDate.of(2021, 5, 31);
        LocalDate oldExpiry = LocalDate.of(2026, 5, 31);
        CePeriod first = CePeriod.of(certification(exam, exam, CertificationStatus.ACTIVE), CALENDAR, oldExpiry);
        CePeriod renewed = CePeriod.of(certification(exam, oldExpiry, CertificationStatus.ACTIVE), CALENDAR,
                oldExpiry.plusDays(1));

        assertThat(renewed).isEqualTo(new CePeriod(LocalDate.of(2026, 6, 1), LocalDate.of(2031, 5, 31)));
        assertThat(first.contains(oldExpiry)).isTrue();
        assertThat(renewed.contains(oldExpiry)).isFalse();
        assertThat(renewed.from()).isEqualTo(first.until().plusDays(1));
        // also while the renewed cycle has expired and waits in its grace period
        assertThat(CePeriod.of(certification(exam, oldExpiry, CertificationStatus.EXPIRED), CALENDAR,
                LocalDate.of(2031, 6, 10)).from()).isEqualTo(LocalDate.of(2026, 6, 1));
    }

    @Test
    void aReactivationDayCountsForTheReactivationNotForTheCycleItStarts() {
        LocalDate exam = LocalDate.of(2021, 5, 31);
        LocalDate reactivatedOn = LocalDate.of(2027, 3, 15);
        CePeriod retired = CePeriod.of(certification(exam, exam, CertificationStatus.RETIRED), CALENDAR,
                reactivatedOn);
        CePeriod reactivated = CePeriod.of(certification(exam, reactivatedOn, CertificationStatus.ACTIVE), CALENDAR,
                reactivatedOn);

        assertThat(retired).isEqualTo(new CePeriod(LocalDate.of(2022, 3, 16), reactivatedOn));
        assertThat(reactivated.from()).isEqualTo(reactivatedOn.plusDays(1));
        assertThat(reactivated.contains(reactivatedOn)).isFalse();
    }
}
