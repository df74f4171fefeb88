package org.certboard.exam.booking;

import java.time.LocalDate;
import java.util.List;

import org.certboard.exam.window.WindowRules;

/**
 * Whether a candidate may sit again: never after a pass, at most {@code maxAttempts} attempts (no-shows included)
 * within one authorisation period, and after a fail only in a window later than the failed one.
 */
public record RetakePolicy(int maxAttempts) {

    /** One recorded attempt: the window it was sat in (its closing day) and its outcome. */
    public record Attempt(LocalDate windowClosesOn, boolean passed) {
    }

    public enum Verdict {
        ALLOWED, ALREADY_PASSED, ATTEMPTS_EXHAUSTED, TOO_SOON_AFTER_FAIL
    }

    public RetakePolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt must be allowed: " + maxAttempts);
        }
    }

    /** {@code attempts} are this authorisation period's; {@code windowOpensOn} is the target sitting's window. */
    public Verdict check(List<Attempt> attempts, LocalDate windowOpensOn) {
        if (attempts.stream().anyMatch(Attempt::passed)) {
            return Verdict.ALREADY_PASSED;
        }
        if (attempts.size() >= maxAttempts) {
            return Verdict.ATTEMPTS_EXHAUSTED;
        }
        boolean afterEveryFail = attempts.stream()
                .allMatch(failed -> WindowRules.isLater(windowOpensOn, failed.windowClosesOn()));
        return afterEveryFail ? Verdict.ALLOWED : Verdict.TOO_SOON_AFTER_FAIL;
    }
}
