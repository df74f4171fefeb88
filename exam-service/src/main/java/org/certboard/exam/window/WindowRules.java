package org.certboard.exam.window;

import java.time.LocalDate;

/** The calendar rules of testing windows. Both bounds of a window are inclusive. */
public final class WindowRules {
    private WindowRules() {
    }

    /** A one-day window (opens and closes the same day) is valid; one that closes before it opens is not. */
    public static boolean validDates(LocalDate opensOn, LocalDate closesOn) {
        return !closesOn.isBefore(opensOn);
    }

    public static boolean contains(LocalDate opensOn, LocalDate closesOn, LocalDate day) {
        return !day.isBefore(opensOn) && !day.isAfter(closesOn);
    }

    /**
     * Whether a window opening on {@code opensOn} comes after the window that closed on {@code referenceClosesOn}:
     * it must open strictly after the reference closed, so overlapping windows are never "later".
     */
    public static boolean isLater(LocalDate opensOn, LocalDate referenceClosesOn) {
        return opensOn.isAfter(referenceClosesOn);
    }
}
