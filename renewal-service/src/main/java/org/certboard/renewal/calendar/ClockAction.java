package org.certboard.renewal.calendar;

import java.time.LocalDate;

/** Something the clock does to a certification on a board date: a reminder or a status change. */
public sealed interface ClockAction {

    /** The first board date on which the action is due. */
    LocalDate dueOn();

    /** A renewal reminder, {@code daysBefore} days before expiry. */
    record Reminder(int daysBefore, LocalDate dueOn) implements ClockAction {
    }

    /** ACTIVE → EXPIRED, due the day after {@code expiredOn} (the end of the expiry date). */
    record Expiry(LocalDate expiredOn) implements ClockAction {
        @Override
        public LocalDate dueOn() {
            return expiredOn.plusDays(1);
        }
    }

    /** EXPIRED → LAPSED, due the day after {@code lapsedOn}, the last day of late renewal. */
    record Lapse(LocalDate lapsedOn) implements ClockAction {
        @Override
        public LocalDate dueOn() {
            return lapsedOn.plusDays(1);
        }
    }
}
