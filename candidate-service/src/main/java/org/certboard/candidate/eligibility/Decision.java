package org.certboard.candidate.eligibility;

import java.time.LocalDate;
import java.util.List;

/**
 * The outcome of the rules for one submission. {@code pathway} is the pathway that satisfied them when APPROVED, the
 * one staff are asked to confirm when UNDER_REVIEW, and null when DENIED; {@code authorisedUntil} is set only when
 * APPROVED; {@code licenceType} is the type of the licence a licence-based pathway rests on, else null.
 */
public record Decision(Verdict verdict, String pathway, LocalDate authorisedUntil, List<Check> checks,
        String licenceType) {

    public Decision {
        checks = List.copyOf(checks);
    }

    public List<Check> failed() {
        return checks.stream().filter(c -> c.outcome() == Outcome.FAILED).toList();
    }
}
