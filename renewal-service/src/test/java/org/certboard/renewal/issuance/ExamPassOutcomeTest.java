package org.certboard.renewal.issuance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.certboard.renewal.calendar.ExpiryRule;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.certification.Certification;
import org.certboard.renewal.certification.CertificationStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a passed exam does, by the exam date, for each status of the person's certification. The certification
 * expires on 2026-05-31: its last year starts on 2025-06-01, its grace ends on 2026-06-30. A retired one retired on
 * 2026-07-01 may be reactivated until 2031-07-01.
 */
class ExamPassOutcomeTest {
    static final RenewalCalendar CALENDAR = new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(5)),
            Period.ofMonths(3), List.of(180, 90, 30), Period.ofDays(30), Period.ofMonths(9), Period.ofYears(5),
            ZoneId.of("America/New_York"));

    static Certification certification(CertificationStatus status, boolean retired) {
        LocalDate exam = LocalDate.of(2021, 5, 31);
        Certification certification = Certification.issue("CCM-2021-000001", "CCM", UUID.randomUUID(), exam, CALENDAR)
                .certification();
        certification.status = status;
        if (retired) {
            certification.retiredOn = LocalDate.of(2026, 7, 1);
        }
        return certification;
    }

    @ParameterizedTest(name = "live {0}, exam on {1}: {2}")
    @CsvSource({
            "ACTIVE,  2025-05-31, Ignore",
            "ACTIVE,  2025-06-01, RenewByExam on time",
            "ACTIVE,  2026-05-31, RenewByExam on time",
            "ACTIVE,  2026-06-01, RenewByExam late",
            "EXPIRED, 2026-06-30, RenewByExam late",
            "EXPIRED, 2026-07-01, LapseThenIssue",
            "ACTIVE,  2026-07-01, LapseThenIssue",
            "RETIRED, 2026-06-15, Ignore",
            "RETIRED, 2031-07-01, Ignore",
            "RETIRED, 2031-07-02, LapseThenIssue" })
    void withALiveCertification(CertificationStatus status, LocalDate examDate, String outcome) {
        Certification live = certification(status, status == CertificationStatus.RETIRED);

        assertThat(describe(ExamPassOutcome.of(live, null, examDate, CALENDAR), live)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "newest lapsed (had been retired: {0}), exam on {1}: {2}")
    @CsvSource({
            "false, 2026-01-10, RenewByExam on time",
            "false, 2026-06-30, RenewByExam late",
            "false, 2026-07-01, Issue",
            "false, 2025-05-31, Issue",
            "true,  2026-06-01, Ignore",
            "true,  2031-07-01, Ignore",
            "true,  2031-07-02, Issue" })
    void withALapsedCertificationOnly(boolean retired, LocalDate examDate, String outcome) {
        Certification lapsed = certification(CertificationStatus.LAPSED, retired);

        assertThat(describe(ExamPassOutcome.of(null, lapsed, examDate, CALENDAR), lapsed)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "no certification at all, exam on {0}: Issue")
    @CsvSource({ "2021-05-31", "2026-06-01" })
    void withNoCertificationAtAll(LocalDate examDate) {
        assertThat(ExamPassOutcome.of(null, null, examDate, CALENDAR)).isEqualTo(new ExamPassOutcome.Issue());
    }

    /** ACM: 4-year cycle, no late renewal; first certified on 29 February 2028, expiring on 29 February 2032. */
    static final RenewalCalendar ACM = new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(4)),
            Period.ofMonths(3), List.of(180, 90, 30), Period.ZERO, Period.ofMonths(9), Period.ofYears(5),
            ZoneId.of("America/New_York"));

    @ParameterizedTest(name = "ACM live {0}, exam on {1}: {2}")
    @CsvSource({
            "ACTIVE,  2031-02-28, Ignore",
            "ACTIVE,  2031-03-01, RenewByExam on time",
            "ACTIVE,  2032-02-29, RenewByExam on time",
            "ACTIVE,  2032-03-01, LapseThenIssue",
            "EXPIRED, 2032-03-01, LapseThenIssue" })
    void anAcmCertificationRenewsByExamInItsLastYearOnlyAsItHasNoGracePeriod(CertificationStatus status,
            LocalDate examDate, String outcome) {
        Certification live = Certification.issue("ACM-2028-000001", "ACM", UUID.randomUUID(),
                LocalDate.of(2028, 2, 29), ACM).certification();
        live.status = status;

        assertThat(live.expiresOn).isEqualTo(LocalDate.of(2032, 2, 29));
        assertThat(describe(ExamPassOutcome.of(live, null, examDate, ACM), live)).isEqualTo(outcome);
    }

    private static String describe(ExamPassOutcome outcome, Certification expected) {
        if (outcome instanceof ExamPassOutcome.RenewByExam renew) {
            assertThat(renew.certification()).isSameAs(expected);
            return "RenewByExam " + (renew.late() ? "late" : "on time");
        }
        if (outcome instanceof ExamPassOutcome.LapseThenIssue lapse) {
            assertThat(lapse.certification()).isSameAs(expected);
        }
        if (outcome instanceof ExamPassOutcome.Ignore ignore) {
            assertThat(ignore.certification()).isSameAs(expected);
        }
        return outcome.getClass().getSimpleName();
    }
}
