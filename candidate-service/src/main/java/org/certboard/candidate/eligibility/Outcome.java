package org.certboard.candidate.eligibility;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How one rule came out: met, not met, or met only on evidence a person has to look at. */
@Schema(name = "EligibilityCheckOutcome")
public enum Outcome {
    PASSED, REVIEW, FAILED
}
