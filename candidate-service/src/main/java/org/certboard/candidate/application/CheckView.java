package org.certboard.candidate.application;

import org.certboard.candidate.eligibility.Check;
import org.certboard.candidate.eligibility.Outcome;

/** One checked rule as shown to clients and stored with the application; {@code outcome} REVIEW means staff decide. */
public record CheckView(String rule, boolean passed, Outcome outcome, String detail) {

    static CheckView of(Check check) {
        return new CheckView(check.rule(), check.passed(), check.outcome(), check.detail());
    }
}
