package org.certboard.candidate.timeline;

/** The steps of a person's path, as the timeline names them. */
public enum Step {
    REGISTERED,
    NAME_CHANGED,
    EVIDENCE_ADDED,
    DECIDED,
    BOOKED,
    RESCHEDULED,
    CANCELLED,
    SAT,
    RESULT,
    CERTIFIED,
    REMINDER,
    CE_LOGGED,
    AUDITED,
    RENEWED,
    EXPIRED,
    LAPSED,
    RETIRED
}
