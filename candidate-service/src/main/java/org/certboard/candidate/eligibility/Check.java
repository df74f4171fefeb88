package org.certboard.candidate.eligibility;

/** One rule checked for a decision, with the reason it came out the way it did. */
public record Check(String rule, Outcome outcome, String detail) {

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
