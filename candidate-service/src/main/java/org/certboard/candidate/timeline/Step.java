package org.certboard.candidate.timeline;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The steps of a person's path, as the timeline names them. */
@Schema(name = "TimelineStep")
public enum Step {
    REGISTERED,
    CLAIMED,
    NAME_CHANGED,
    NAME_CHANGE_REQUESTED,
    NAME_CHANGE_DECIDED,
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
