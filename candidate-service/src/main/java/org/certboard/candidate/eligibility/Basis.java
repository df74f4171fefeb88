package org.certboard.candidate.eligibility;

/** The first half of a pathway name: what qualified the candidate to practise. */
public enum Basis {
    LICENCE, DEGREE
}
