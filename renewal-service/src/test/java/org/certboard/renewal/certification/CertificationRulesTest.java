package org.certboard.renewal.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.certboard.renewal.certification.CertificationTransitionsTest.CALENDAR;
import static org.certboard.renewal.certification.CertificationTransitionsTest.in;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.certboard.renewal.calendar.ClockAction;
import org.certboard.renewal.calendar.ExpiryRule;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The board rules a certification answers for itself, each as a table. The certification was first certified on
 * 2021-05-31 and expires on 2026-05-31: its window opens on 2026-03-01, its grace ends on 2026-06-30; a retired one
 * retired on 2026-07-01 and may be reactivated until 2031-07-01.
 */
class CertificationRulesTest {

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "ACTIVE  | 2026-02-28 | closed WINDOW: the renewal window opens on 2026-03-01",
            "ACTIVE  | 2026-03-01 | open, next cycle from 2026-05-31",
            "ACTIVE  | 2026-05-31 | open, next cycle from 2026-05-31",
            "EXPIRED | 2026-06-01 | open late, next cycle from 2026-05-31",
            "EXPIRED | 2026-06-30 | open late, next cycle from 2026-05-31",
            "EXPIRED | 2026-07-01 | closed WINDOW: late renewal ended on 2026-06-30",
            "ACTIVE  | 2026-07-01 | closed WINDOW: late renewal ended on 2026-06-30",
            "LAPSED  | 2026-07-01 | closed STATUS: the certification lapsed after 2026-06-30:"
                    + " reapply and pass the exam",
            "RETIRED | 2027-03-15 | open, next cycle from 2027-03-15",
            "RETIRED | 2031-07-01 | open, next cycle from 2031-07-01",
            "RETIRED | 2031-07-02 | closed STATUS: reactivation from retired status was possible until 2031-07-01:"
                    + " reapply and pass the exam" })
    void mayItRenewNow(CertificationStatus status, LocalDate today, String answer) {
        assertThat(describe(in(status).renewalOpening(today, CALENDAR))).isEqualTo(answer);
    }

    @ParameterizedTest(name = "{0} (retired: {1}) on {2}: within the reactivation window {3}")
    @CsvSource(delimiter = '|', value = {
            "ACTIVE  | false | 2027-01-01 | false",
            "RETIRED | true  | 2026-07-01 | true",
            "RETIRED | true  | 2031-07-01 | true",
            "RETIRED | true  | 2031-07-02 | false",
            "LAPSED  | true  | 2031-07-01 | true",
            "LAPSED  | false | 2026-07-01 | false" })
    void theReactivationWindow(CertificationStatus status, boolean retired, LocalDate day, boolean within) {
        Certification certification = in(status);
        certification.retiredOn = retired ? CertificationTransitionsTest.RETIRED_ON : null;

        assertThat(certification.inReactivationWindow(day, CALENDAR)).isEqualTo(within);
    }

    /**
     * What the clock does on a run: the actions due from the stored next due date up to today, performed as the clock
     * job does (reminders change nothing here), then the next due date. The cycle's reminders are due on 2025-12-02,
     * 2026-03-02 and 2026-05-01, its expiry on 2026-06-01, its lapse on 2026-07-01.
     */
    @ParameterizedTest(name = "{0}, next due {1}, run on {2}: {3}; then next due {4}")
    @CsvSource(delimiter = '|', value = {
            "ACTIVE  | 2025-12-02 | 2025-12-01 | nothing                                      | 2025-12-02",
            "ACTIVE  | 2025-12-02 | 2025-12-02 | Reminder 180                                 | 2026-03-02",
            "ACTIVE  | 2025-12-02 | 2026-06-01 | Reminder 180, Reminder 90, Reminder 30, Expiry | 2026-07-01",
            "ACTIVE  | 2026-03-02 | 2031-01-01 | Reminder 90, Reminder 30, Expiry, Lapse      | none",
            "EXPIRED | 2026-07-01 | 2026-06-30 | nothing                                      | 2026-07-01",
            "EXPIRED | 2026-07-01 | 2026-07-01 | Lapse                                        | none",
            "RETIRED | 2026-07-01 | 2031-07-01 | nothing                                      | 2031-07-02",
            "RETIRED | 2026-07-01 | 2031-07-02 | Lapse                                        | none",
            "LAPSED  |            | 2031-01-01 | nothing                                      | none" })
    void theClock(CertificationStatus status, LocalDate nextDueOn, LocalDate today, String due, String nextDue) {
        Certification certification = in(status);
        certification.nextDueOn = nextDueOn;

        List<ClockAction> actions = certification.dueBy(today, CALENDAR);
        for (ClockAction action : actions) {
            if (action instanceof ClockAction.Expiry && certification.canExpire()) {
                certification.expire(CALENDAR);
            }
            if (action instanceof ClockAction.Lapse && certification.canLapse()) {
                certification.lapse(CALENDAR);
            }
        }
        certification.caughtUpTo(today, CALENDAR);

        assertThat(actions.isEmpty() ? "nothing" : actions.stream().map(CertificationRulesTest::describe)
                .collect(Collectors.joining(", "))).isEqualTo(due);
        assertThat(certification.nextDueOn == null ? "none" : certification.nextDueOn.toString()).isEqualTo(nextDue);
    }

    /** ACM (ACMA-like): a 4-year cycle and no late renewal; every other rule as CCM's. */
    static final RenewalCalendar ACM = new RenewalCalendar(new ExpiryRule.AddCycle(Period.ofYears(4)),
            Period.ofMonths(3), List.of(180, 90, 30), Period.ZERO, Period.ofMonths(9), Period.ofYears(5),
            ZoneId.of("America/New_York"));

    /** An ACM certification first certified on 29 February 2028: it expires on 29 February 2032 (a leap year). */
    static Certification acm(CertificationStatus status) {
        Certification certification = Certification.issue("ACM-2028-000001", "ACM", UUID.randomUUID(),
                LocalDate.of(2028, 2, 29), ACM).certification();
        certification.status = status;
        return certification;
    }

    @ParameterizedTest(name = "ACM {0} on {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "ACTIVE  | 2031-11-30 | closed WINDOW: the renewal window opens on 2031-12-01",
            "ACTIVE  | 2031-12-01 | open, next cycle from 2032-02-29",
            "ACTIVE  | 2032-02-29 | open, next cycle from 2032-02-29",
            "EXPIRED | 2032-03-01 | closed WINDOW: late renewal ended on 2032-02-29",
            "LAPSED  | 2032-03-01 | closed STATUS: the certification lapsed after 2032-02-29:"
                    + " reapply and pass the exam" })
    void mayAnAcmCertificationRenewNowWithoutLateRenewal(CertificationStatus status, LocalDate today,
            String answer) {
        assertThat(describe(acm(status).renewalOpening(today, ACM))).isEqualTo(answer);
    }

    /** ACM's reminders are due on 2031-09-02, 2031-12-01 and 2032-01-30; expiry and lapse both on 2032-03-01. */
    @ParameterizedTest(name = "ACM {0}, next due {1}, run on {2}: {3}; then next due {4}")
    @CsvSource(delimiter = '|', value = {
            "ACTIVE  | 2031-09-02 | 2031-09-02 | Reminder 180                                 | 2031-12-01",
            "ACTIVE  | 2031-12-01 | 2032-02-29 | Reminder 90, Reminder 30                     | 2032-03-01",
            "ACTIVE  | 2032-03-01 | 2032-03-01 | Expiry, Lapse                                | none",
            "ACTIVE  | 2031-09-02 | 2033-01-01 | Reminder 180, Reminder 90, Reminder 30, Expiry, Lapse | none" })
    void theAcmClockExpiresAndLapsesOnTheSameDay(CertificationStatus status, LocalDate nextDueOn, LocalDate today,
            String due, String nextDue) {
        Certification certification = acm(status);
        certification.nextDueOn = nextDueOn;

        List<ClockAction> actions = certification.dueBy(today, ACM);
        for (ClockAction action : actions) {
            if (action instanceof ClockAction.Expiry && certification.canExpire()) {
                assertThat(certification.expire(ACM).lapsesOn()).as("no late renewal: it lapses on its expiry")
                        .isEqualTo(certification.expiresOn);
            }
            if (action instanceof ClockAction.Lapse && certification.canLapse()) {
                assertThat(certification.lapse(ACM).lapsedOn()).isEqualTo(LocalDate.of(2032, 2, 29));
            }
        }
        certification.caughtUpTo(today, ACM);

        assertThat(actions.stream().map(CertificationRulesTest::describe).collect(Collectors.joining(", ")))
                .isEqualTo(due);
        assertThat(certification.nextDueOn == null ? "none" : certification.nextDueOn.toString()).isEqualTo(nextDue);
    }

    private static String describe(RenewalOpening opening) {
        if (opening instanceof RenewalOpening.Open open) {
            return (open.late() ? "open late" : "open") + ", next cycle from " + open.nextCycleStartsOn();
        }
        RenewalOpening.Closed closed = (RenewalOpening.Closed) opening;
        return "closed " + closed.reason() + ": " + closed.detail();
    }

    private static String describe(ClockAction action) {
        return action instanceof ClockAction.Reminder reminder ? "Reminder " + reminder.daysBefore()
                : action.getClass().getSimpleName();
    }
}
