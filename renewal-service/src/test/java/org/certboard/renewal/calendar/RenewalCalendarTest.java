package org.certboard.renewal.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.certboard.renewal.calendar.RenewalCalendarPropertiesTest.ALIGNED;
import static org.certboard.renewal.calendar.RenewalCalendarPropertiesTest.PLAIN;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalCalendarTest {

    @Test
    void aLeapDayExamExpiresOn28February() {
        assertThat(PLAIN.expiryFor(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(PLAIN.expiryFor(LocalDate.of(2023, 2, 28))).isEqualTo(LocalDate.of(2028, 2, 28));
        assertThat(PLAIN.expiryFor(LocalDate.of(2026, 11, 26))).isEqualTo(LocalDate.of(2031, 11, 26));
    }

    @Test
    void alignedExpiryUsesTheNextOf31MayAnd30November() {
        assertThat(ALIGNED.expiryFor(LocalDate.of(2021, 5, 31))).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(ALIGNED.expiryFor(LocalDate.of(2021, 6, 1))).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(ALIGNED.expiryFor(LocalDate.of(2021, 12, 1))).isEqualTo(LocalDate.of(2027, 5, 31));
        assertThat(ALIGNED.expiryFor(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2029, 5, 31));
    }

    @Test
    void theCcmcWindowFor31MayRunsFrom1March() {
        LocalDate expiry = LocalDate.of(2026, 5, 31);

        assertThat(ALIGNED.windowOpensOn(expiry)).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(ALIGNED.timing(expiry, LocalDate.of(2026, 2, 28))).isEqualTo(RenewalTiming.TOO_EARLY);
        assertThat(ALIGNED.timing(expiry, LocalDate.of(2026, 3, 1))).isEqualTo(RenewalTiming.ON_TIME);
        assertThat(ALIGNED.lateRenewalEndsOn(expiry)).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(ALIGNED.retirementEndsOn(expiry)).isEqualTo(LocalDate.of(2027, 2, 28));
    }

    @Test
    void theWindowIsThreeWholeMonthsBackFromTheEndOfTheExpiryDate() {
        assertThat(ALIGNED.windowOpensOn(LocalDate.of(2026, 11, 30))).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(ALIGNED.timing(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 8, 31)))
                .isEqualTo(RenewalTiming.TOO_EARLY);
        assertThat(ALIGNED.timing(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 9, 1)))
                .isEqualTo(RenewalTiming.ON_TIME);
        assertThat(PLAIN.windowOpensOn(LocalDate.of(2027, 2, 28))).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(PLAIN.timing(LocalDate.of(2027, 2, 28), LocalDate.of(2026, 11, 30)))
                .isEqualTo(RenewalTiming.TOO_EARLY);
        assertThat(PLAIN.windowOpensOn(LocalDate.of(2029, 2, 28))).isEqualTo(LocalDate.of(2028, 12, 1));
        assertThat(PLAIN.windowOpensOn(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThat(ALIGNED.windowOpensOn(LocalDate.of(2026, 5, 31))).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(PLAIN.windowOpensOn(LocalDate.of(2031, 11, 26))).isEqualTo(LocalDate.of(2031, 8, 27));
    }

    @Test
    void remindersFor31May() {
        assertThat(ALIGNED.schedule(LocalDate.of(2026, 5, 31))).containsExactly(
                new ClockAction.Reminder(180, LocalDate.of(2025, 12, 2)),
                new ClockAction.Reminder(90, LocalDate.of(2026, 3, 2)),
                new ClockAction.Reminder(30, LocalDate.of(2026, 5, 1)),
                new ClockAction.Expiry(LocalDate.of(2026, 5, 31)),
                new ClockAction.Lapse(LocalDate.of(2026, 6, 30)));
    }

    @Test
    void expiryIsMidnightInNewYorkInSummerAndWinter() {
        assertThat(PLAIN.expiresAt(LocalDate.of(2026, 5, 31))).isEqualTo(Instant.parse("2026-06-01T04:00:00Z"));
        assertThat(PLAIN.expiresAt(LocalDate.of(2026, 11, 30))).isEqualTo(Instant.parse("2026-12-01T05:00:00Z"));
        assertThat(LocalDate.ofInstant(Instant.parse("2026-06-01T03:59:59Z"), PLAIN.zone()))
                .isEqualTo(LocalDate.of(2026, 5, 31));
    }

    @Test
    void aJumpOverTheWholeCycleYieldsEverythingInOrder() {
        LocalDate expiry = LocalDate.of(2026, 5, 31);

        assertThat(PLAIN.dueBetween(expiry, LocalDate.of(2025, 12, 2), LocalDate.of(2031, 1, 1)))
                .isEqualTo(PLAIN.schedule(expiry));
        assertThat(PLAIN.nextDueAfter(expiry, LocalDate.of(2026, 3, 2))).contains(LocalDate.of(2026, 5, 1));
        assertThat(PLAIN.nextDueAfter(expiry, LocalDate.of(2026, 7, 1))).isEmpty();
    }

    /** The cycle expires on 2026-05-31 (plain rule, 30 days' grace): its last year starts on 2025-06-01. */
    @ParameterizedTest(name = "an exam passed on {0} renews the cycle: {1}")
    @CsvSource({
            "2021-05-31, false",
            "2025-05-31, false",
            "2025-06-01, true",
            "2026-05-31, true",
            "2026-06-01, true",
            "2026-06-30, true",
            "2026-07-01, false" })
    void anExamInTheLastYearOrTheGracePeriodRenewsTheCycle(LocalDate examDate, boolean renews) {
        assertThat(PLAIN.renewsByExam(LocalDate.of(2026, 5, 31), examDate)).isEqualTo(renews);
    }

    @Test
    void misconfigurationIsRefused() {
        assertThatThrownBy(() -> new ExpiryRule.AddCycle(Period.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryRule.AlignToDates(Period.ofYears(5), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(5)), Period.ofMonths(3),
                List.of(180, 0), Period.ofDays(30), Period.ofMonths(9), Period.ofYears(5),
                java.time.ZoneId.of("UTC"))).isInstanceOf(IllegalArgumentException.class);
    }
}
