package org.certboard.candidate.eligibility;

/** The degree levels the board accepts for the degree pathway; anything below a bachelor's cannot be recorded. */
public enum DegreeLevel {
    BACHELOR, MASTER, DOCTORATE
}
