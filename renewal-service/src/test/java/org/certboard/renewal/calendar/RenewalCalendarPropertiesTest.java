package org.certboard.renewal.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.time.api.Dates;

class RenewalCalendarPropertiesTest {
    static final List<MonthDay> CCMC_DATES = List.of(MonthDay.of(5, 31), MonthDay.of(11, 30));
    static final RenewalCalendar PLAIN = calendar(new ExpiryRule.AddCycle(Period.ofYears(5)));
    static final RenewalCalendar ALIGNED = calendar(new ExpiryRule.AlignToDates(Period.ofYears(5), CCMC_DATES));

    /** ACM (ACMA-like): a 4-year cycle and no late renewal (grace P0D); every other rule as CCM's. */
    static final RenewalCalendar ACM = new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(4)),
            Period.ofMonths(3), List.of(180, 90, 30), Period.ZERO, Period.ofMonths(9), Period.ofYears(5),
            ZoneId.of("America/New_York"));

    static RenewalCalendar calendar(ExpiryRule rule) {
        return new RenewalCalendar(rule, Period.ofMonths(3), List.of(180, 90, 30), Period.ofDays(30),
                Period.ofMonths(9), Period.ofYears(5), ZoneId.of("America/New_York"));
    }

    /** Any day from 1990 to 2100, with leap days drawn far more often than their natural 1 in 1461. */
    @Provide
    Arbitrary<LocalDate> examDates() {
        Arbitrary<LocalDate> anyDay = Dates.dates().between(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 12, 31));
        Arbitrary<LocalDate> leapDay = Arbitraries.integers().between(1990 / 4, 2096 / 4)
                .map(quarter -> LocalDate.of(quarter * 4, 2, 1))
                .filter(LocalDate::isLeapYear)
                .map(february -> february.withDayOfMonth(29));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, anyDay), net.jqwik.api.Tuple.of(1, leapDay));
    }

    @Property(tries = 3000)
    void plainExpiryIsTheSameCalendarDayFiveYearsLaterAndLeapDaysBecome28February(
            @ForAll("examDates") LocalDate exam) {
        LocalDate expiry = PLAIN.expiryFor(exam);

        assertThat(expiry.getYear()).isEqualTo(exam.getYear() + 5);
        assertThat(expiry.getMonth()).isEqualTo(exam.getMonth());
        if (MonthDay.from(exam).equals(MonthDay.of(2, 29))) {
            assertThat(expiry.getDayOfMonth()).isEqualTo(expiry.isLeapYear() ? 29 : 28);
        } else {
            assertThat(expiry.getDayOfMonth()).isEqualTo(exam.getDayOfMonth());
        }
    }

    @Property(tries = 3000)
    void alignedExpiryIsTheFirstFixedDateOnOrAfterFiveYears(@ForAll("examDates") LocalDate exam) {
        LocalDate expiry = ALIGNED.expiryFor(exam);
        LocalDate fiveYears = PLAIN.expiryFor(exam);

        assertThat(MonthDay.from(expiry)).isIn(CCMC_DATES);
        assertThat(expiry).isAfterOrEqualTo(fiveYears);
        for (LocalDate day = fiveYears; day.isBefore(expiry); day = day.plusDays(1)) {
            assertThat(MonthDay.from(day)).isNotIn(CCMC_DATES);
        }
        assertThat(ChronoUnit.DAYS.between(fiveYears, expiry)).isLessThan(184);
    }

    @Property(tries = 2000)
    void renewingAnAlignedCycleKeepsItsFixedDate(@ForAll("examDates") LocalDate exam) {
        LocalDate expiry = ALIGNED.expiryFor(exam);

        assertThat(ALIGNED.expiryFor(expiry)).isEqualTo(expiry.plusYears(5));
    }

    @Property(tries = 3000)
    void windowIsTheLastThreeMonthsAndGraceTheThirtyDaysAfter(@ForAll("examDates") LocalDate exam,
            @ForAll boolean aligned) {
        RenewalCalendar calendar = aligned ? ALIGNED : PLAIN;
        LocalDate expiry = calendar.expiryFor(exam);
        LocalDate opens = calendar.windowOpensOn(expiry);

        assertThat(opens).isEqualTo(expiry.plusDays(1).minusMonths(3));
        // three whole months back from the end of the expiry date: a month-end expiry opens on the 1st
        if (expiry.plusDays(1).getDayOfMonth() == 1) {
            assertThat(opens.getDayOfMonth()).isEqualTo(1);
        }
        assertThat(ChronoUnit.DAYS.between(opens, expiry) + 1).isBetween(89L, 92L);
        assertThat(calendar.timing(expiry, exam)).isEqualTo(RenewalTiming.TOO_EARLY);
        assertThat(calendar.timing(expiry, opens.minusDays(1))).isEqualTo(RenewalTiming.TOO_EARLY);
        assertThat(calendar.timing(expiry, opens)).isEqualTo(RenewalTiming.ON_TIME);
        assertThat(calendar.timing(expiry, expiry)).isEqualTo(RenewalTiming.ON_TIME);
        assertThat(calendar.timing(expiry, expiry.plusDays(1))).isEqualTo(RenewalTiming.LATE);
        assertThat(calendar.timing(expiry, expiry.plusDays(30))).isEqualTo(RenewalTiming.LATE);
        assertThat(calendar.timing(expiry, expiry.plusDays(31))).isEqualTo(RenewalTiming.TOO_LATE);
    }

    @Property(tries = 3000)
    void eachReminderIsDueItsNumberOfDaysBeforeExpiryThenExpiryThenLapse(@ForAll("examDates") LocalDate exam,
            @ForAll boolean aligned) {
        RenewalCalendar calendar = aligned ? ALIGNED : PLAIN;
        LocalDate expiry = calendar.expiryFor(exam);
        List<ClockAction> schedule = calendar.schedule(expiry);

        assertThat(schedule).hasSize(5);
        assertThat(schedule).extracting(ClockAction::dueOn).isSorted().doesNotHaveDuplicates();
        List<Integer> days = new ArrayList<>();
        for (ClockAction action : schedule.subList(0, 3)) {
            ClockAction.Reminder reminder = (ClockAction.Reminder) action;
            assertThat(ChronoUnit.DAYS.between(reminder.dueOn(), expiry)).isEqualTo(reminder.daysBefore());
            assertThat(reminder.dueOn()).isAfter(exam);
            days.add(reminder.daysBefore());
        }
        assertThat(days).containsExactly(180, 90, 30);
        assertThat(schedule.get(3)).isEqualTo(new ClockAction.Expiry(expiry));
        assertThat(schedule.get(3).dueOn()).isEqualTo(expiry.plusDays(1));
        assertThat(schedule.get(4)).isEqualTo(new ClockAction.Lapse(expiry.plusDays(30)));
        assertThat(schedule.get(4).dueOn()).isEqualTo(expiry.plusDays(31));
    }

    @Property(tries = 3000)
    void expiryTakesEffectAtTheEndOfTheExpiryDateInTheBoardTimeZone(@ForAll("examDates") LocalDate exam) {
        LocalDate expiry = PLAIN.expiryFor(exam);
        var at = PLAIN.expiresAt(expiry);

        assertThat(LocalDate.ofInstant(at.minusNanos(1), PLAIN.zone())).isEqualTo(expiry);
        assertThat(LocalDate.ofInstant(at, PLAIN.zone())).isEqualTo(expiry.plusDays(1));
        assertThat(at.atZone(ZoneId.of("America/New_York")).toLocalTime()).isEqualTo(java.time.LocalTime.MIDNIGHT);
    }

    /**
     * However the job's runs are spread (daily, or a single jump over years), running {@code dueBetween} from the
     * stored next due date to each run's today yields every action of the cycle exactly once, in date order.
     */
    @Property(tries = 2000)
    void jobRunsAtAnyIntervalsEmitEveryActionOnceInDateOrder(@ForAll("examDates") LocalDate exam,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 900) Integer> gaps,
            @ForAll boolean aligned) {
        RenewalCalendar calendar = aligned ? ALIGNED : PLAIN;
        LocalDate expiry = calendar.expiryFor(exam);
        LocalDate nextDue = calendar.schedule(expiry).get(0).dueOn();
        LocalDate today = expiry.minusDays(200);
        List<ClockAction> emitted = new ArrayList<>();
        for (int gap : gaps) {
            today = today.plusDays(gap);
            if (nextDue != null && !nextDue.isAfter(today)) {
                emitted.addAll(calendar.dueBetween(expiry, nextDue, today));
                nextDue = calendar.nextDueAfter(expiry, today).orElse(null);
            }
        }
        LocalDate last = today;
        assertThat(emitted).containsExactlyElementsOf(
                calendar.schedule(expiry).stream().filter(a -> !a.dueOn().isAfter(last)).toList());
    }

    @Property(tries = 2000)
    void anExamInTheCyclesLastYearRenewsIt(@ForAll("examDates") LocalDate exam) {
        LocalDate expiry = PLAIN.expiryFor(exam);

        assertThat(PLAIN.inLastYear(expiry, expiry)).isTrue();
        assertThat(PLAIN.inLastYear(expiry, expiry.minusYears(1).plusDays(1))).isTrue();
        assertThat(PLAIN.inLastYear(expiry, expiry.minusYears(1))).isFalse();
        assertThat(PLAIN.inLastYear(expiry, expiry.plusDays(1))).isFalse();
    }

    /**
     * ACM's twin of the plain expiry: the same calendar day four years later; a leap day stays 29 February, as four
     * years on is a leap year too (2028-02-29 → 2032-02-29), except across 2100 (2096-02-29 → 2100-02-28).
     */
    @Property(tries = 3000)
    void acmExpiryIsTheSameCalendarDayFourYearsLater(@ForAll("examDates") LocalDate exam) {
        LocalDate expiry = ACM.expiryFor(exam);

        assertThat(expiry.getYear()).isEqualTo(exam.getYear() + 4);
        assertThat(expiry.getMonth()).isEqualTo(exam.getMonth());
        if (MonthDay.from(exam).equals(MonthDay.of(2, 29))) {
            assertThat(expiry.getDayOfMonth()).isEqualTo(expiry.isLeapYear() ? 29 : 28);
        } else {
            assertThat(expiry.getDayOfMonth()).isEqualTo(exam.getDayOfMonth());
        }
        assertThat(ACM.expiryFor(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2032, 2, 29));
    }

    /** Without late renewal the expiry date is the last day to renew; expiry and lapse fall due the day after. */
    @Property(tries = 3000)
    void acmHasNoLateRenewalAndLapsesTheDayItExpires(@ForAll("examDates") LocalDate exam) {
        LocalDate expiry = ACM.expiryFor(exam);
        List<ClockAction> schedule = ACM.schedule(expiry);

        assertThat(ACM.allowsLateRenewal()).isFalse();
        assertThat(ACM.timing(expiry, expiry)).isEqualTo(RenewalTiming.ON_TIME);
        assertThat(ACM.timing(expiry, expiry.plusDays(1))).isEqualTo(RenewalTiming.TOO_LATE);
        assertThat(ACM.renewsByExam(expiry, expiry.plusDays(1))).isFalse();
        assertThat(schedule).hasSize(5);
        assertThat(schedule.get(3)).isEqualTo(new ClockAction.Expiry(expiry));
        assertThat(schedule.get(4)).isEqualTo(new ClockAction.Lapse(expiry));
        assertThat(schedule.get(3).dueOn()).isEqualTo(expiry.plusDays(1)).isEqualTo(schedule.get(4).dueOn());
    }

    @Property(tries = 2000)
    void acmJobRunsAtAnyIntervalsEmitEveryActionOnceInDateOrder(@ForAll("examDates") LocalDate exam,
            @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 900) Integer> gaps) {
        LocalDate expiry = ACM.expiryFor(exam);
        LocalDate nextDue = ACM.schedule(expiry).get(0).dueOn();
        LocalDate today = expiry.minusDays(200);
        List<ClockAction> emitted = new ArrayList<>();
        for (int gap : gaps) {
            today = today.plusDays(gap);
            if (nextDue != null && !nextDue.isAfter(today)) {
                emitted.addAll(ACM.dueBetween(expiry, nextDue, today));
                nextDue = ACM.nextDueAfter(expiry, today).orElse(null);
            }
        }
        LocalDate last = today;
        assertThat(emitted).containsExactlyElementsOf(
                ACM.schedule(expiry).stream().filter(a -> !a.dueOn().isAfter(last)).toList());
    }
}
