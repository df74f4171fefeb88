package org.certboard.candidate.eligibility;

/** How one rule came out: met, not met, or met only on evidence a person has to look at. */
public enum Outcome {
    PASSED, REVIEW, FAILED
}
