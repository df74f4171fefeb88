package org.certboard.exam.booking;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import org.certboard.exam.window.WindowRules;

/**
 * Whether a candidate may sit a program's exam again: never again under an authorisation they passed under, at most
 * {@code maxAttempts} attempts (no-shows included) within one retake period ({@link Period}), and after a fail only
 * in a window that opens after the failed one closed.
 */
public record RetakePolicy(int maxAttempts, Period per) {

    /** What a retake period is: the attempts that count toward {@code maxAttempts}. */
    public enum Period {
        /** The attempts made under one authorisation (CCM: 3 attempts within one authorisation period). */
        AUTHORISATION,
        /**
         * The attempts whose exam date falls in the calendar year of the sitting to be booked, in the board's time
         * zone, under any authorisation of the program (ACM: 3 a year, January resets).
         */
        CALENDAR_YEAR;

        /** The configured value, or a refusal naming the values allowed. */
        public static Period of(String configured) {
            for (Period period : values()) {
                if (period.name().equals(configured.strip().toUpperCase(Locale.ROOT))) {
                    return period;
                }
            }
            throw new IllegalArgumentException("exam.retakes.per must be AUTHORISATION or CALENDAR_YEAR, got '"
                    + configured + "'");
        }
    }

    /**
     * One recorded attempt in the program: the authorisation it was made under, its exam date, the window it was
     * sat in (its closing day) and its outcome.
     */
    public record Attempt(UUID applicationId, LocalDate examDate, LocalDate windowClosesOn, boolean passed) {
    }

    /** The sitting to be booked: under which authorisation, on which day, in a window opening when. */
    public record Target(UUID applicationId, LocalDate sittingDate, LocalDate windowOpensOn) {
    }

    public enum Verdict {
        ALLOWED, ALREADY_PASSED, ATTEMPTS_EXHAUSTED, TOO_SOON_AFTER_FAIL
    }

    public RetakePolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("exam.retakes.max-attempts must allow at least one attempt, got "
                    + maxAttempts);
        }
    }

    /**
     * {@code attempts} are every attempt of the candidate in the program. A fail counted in the period or made under
     * the same authorisation bars its window (a window may span New Year).
     */
    public Verdict check(List<Attempt> attempts, Target target) {
        Predicate<Attempt> sameAuthorisation = a -> a.applicationId().equals(target.applicationId());
        Predicate<Attempt> inPeriod = switch (per) {
            case AUTHORISATION -> sameAuthorisation;
            case CALENDAR_YEAR -> a -> a.examDate().getYear() == target.sittingDate().getYear();
        };
        if (attempts.stream().filter(sameAuthorisation).anyMatch(Attempt::passed)) {
            return Verdict.ALREADY_PASSED;
        }
        if (attempts.stream().filter(inPeriod).count() >= maxAttempts) {
            return Verdict.ATTEMPTS_EXHAUSTED;
        }
        boolean afterEveryFail = attempts.stream().filter(inPeriod.or(sameAuthorisation)).filter(a -> !a.passed())
                .allMatch(failed -> WindowRules.isLater(target.windowOpensOn(), failed.windowClosesOn()));
        return afterEveryFail ? Verdict.ALLOWED : Verdict.TOO_SOON_AFTER_FAIL;
    }

    /** The period as the refusal of a fourth attempt names it. */
    public String describePeriod(LocalDate sittingDate) {
        return switch (per) {
            case AUTHORISATION -> "this authorisation period";
            case CALENDAR_YEAR -> "calendar year " + sittingDate.getYear();
        };
    }
}
