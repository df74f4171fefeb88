package org.certboard.candidate.eligibility;

/** What the rules decide on their own; staff turn UNDER_REVIEW into APPROVED or DENIED. */
public enum Verdict {
    APPROVED, UNDER_REVIEW, DENIED
}
