package org.certboard.candidate.eligibility;

/** What the candidate did in a job: case management itself, or supervising people who do case management. */
public enum ExperienceRole {
    CASE_MANAGER, SUPERVISOR
}
