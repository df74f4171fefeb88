package org.certboard.renewal.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The board's renewal clock as plain date arithmetic, so that every date the board shows can be tested without a
 * running service. All dates are calendar dates in the board's time zone; a day "ends" at midnight there.
 *
 * @param expiryRule      how a cycle's expiry follows from its start
 * @param window          renewal window length: the window is [expiry + 1 day − window, expiry], e.g. 1 March–31 May
 * @param reminderDays    days before expiry on which a reminder is due
 * @param grace           late-renewal period after expiry, e.g. 30 days: up to and including expiry + grace
 * @param retirementWindow how long after expiry retired status may still be chosen (inclusive)
 * @param reactivationWindow how long after retiring the certification may be reactivated (inclusive)
 * @param zone            the board's time zone
 */
public record RenewalCalendar(ExpiryRule expiryRule, Period window, List<Integer> reminderDays, Period grace,
        Period retirementWindow, Period reactivationWindow, ZoneId zone) {

    public RenewalCalendar {
        requireNonNegative("renewal window", window);
        requireNonNegative("grace period", grace);
        requireNonNegative("retirement window", retirementWindow);
        requireNonNegative("reactivation window", reactivationWindow);
        if (zone == null) {
            throw new IllegalArgumentException("the board time zone is required");
        }
        if (reminderDays.stream().anyMatch(days -> days == null || days < 1)) {
            throw new IllegalArgumentException("reminder days must be positive: " + reminderDays);
        }
        reminderDays = reminderDays.stream().distinct().sorted(Comparator.reverseOrder()).toList();
    }

    public LocalDate expiryFor(LocalDate cycleStart) {
        return expiryRule.expiryFor(cycleStart);
    }

    /**
     * First day of the renewal window: the window is counted back from the end of the expiry date, so a 3-month
     * window opens on 1 March for 31 May, on 1 September for 30 November and on 1 December for 28 February.
     */
    public LocalDate windowOpensOn(LocalDate expiry) {
        return expiry.plusDays(1).minus(window);
    }

    /** False when the grace period is zero: expiry is the last day to renew (ACM). */
    public boolean allowsLateRenewal() {
        return !grace.isZero();
    }

    /** Last day on which a late renewal is accepted; the expiry date itself when there is no late renewal. */
    public LocalDate lateRenewalEndsOn(LocalDate expiry) {
        return expiry.plus(grace);
    }

    /** Last day on which retired status may be chosen. */
    public LocalDate retirementEndsOn(LocalDate expiry) {
        return expiry.plus(retirementWindow);
    }

    /** Last day on which a retired certification may be reactivated. */
    public LocalDate reactivationEndsOn(LocalDate retiredOn) {
        return retiredOn.plus(reactivationWindow);
    }

    /** The moment the certification becomes EXPIRED: the end of the expiry date in the board's time zone. */
    public Instant expiresAt(LocalDate expiry) {
        return expiry.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** True when an exam on {@code examDate} lies in the cycle's last year, up to and including the expiry date. */
    public boolean inLastYear(LocalDate expiry, LocalDate examDate) {
        return examDate.isAfter(expiry.minusYears(1)) && !examDate.isAfter(expiry);
    }

    /**
     * True when passing an exam on {@code examDate} renews the cycle ending on {@code expiry}: in its last year, or
     * after expiry inside the grace period (a late renewal by re-examination).
     */
    public boolean renewsByExam(LocalDate expiry, LocalDate examDate) {
        return inLastYear(expiry, examDate) || timing(expiry, examDate) == RenewalTiming.LATE;
    }

    public RenewalTiming timing(LocalDate expiry, LocalDate today) {
        if (today.isBefore(windowOpensOn(expiry))) {
            return RenewalTiming.TOO_EARLY;
        }
        if (!today.isAfter(expiry)) {
            return RenewalTiming.ON_TIME;
        }
        return today.isAfter(lateRenewalEndsOn(expiry)) ? RenewalTiming.TOO_LATE : RenewalTiming.LATE;
    }

    /** Everything the clock does to a cycle ending on {@code expiry}, in date order: reminders, expiry, lapse. */
    public List<ClockAction> schedule(LocalDate expiry) {
        List<ClockAction> actions = new ArrayList<>();
        for (int days : reminderDays) {
            actions.add(new ClockAction.Reminder(days, expiry.minusDays(days)));
        }
        actions.add(new ClockAction.Expiry(expiry));
        actions.add(new ClockAction.Lapse(lateRenewalEndsOn(expiry)));
        actions.sort(Comparator.comparing(ClockAction::dueOn));
        return List.copyOf(actions);
    }

    /**
     * The actions of the cycle due in {@code [notBefore, today]}: what a job must do whose stored next due date is
     * {@code notBefore}.
     */
    public List<ClockAction> dueBetween(LocalDate expiry, LocalDate notBefore, LocalDate today) {
        return schedule(expiry).stream()
                .filter(action -> !action.dueOn().isBefore(notBefore) && !action.dueOn().isAfter(today))
                .toList();
    }

    /** The date of the first action due after {@code today}, if the cycle has any left. */
    public Optional<LocalDate> nextDueAfter(LocalDate expiry, LocalDate today) {
        return schedule(expiry).stream().map(ClockAction::dueOn).filter(date -> date.isAfter(today)).findFirst();
    }

    private static void requireNonNegative(String what, Period period) {
        if (period == null || period.isNegative()) {
            throw new IllegalArgumentException("the " + what + " must not be negative: " + period);
        }
    }
}
