package org.certboard.candidate.application;

/** Where an application stands; an APPROVED one authorises the candidate to sit the exam until it is withdrawn. */
public enum ApplicationStatus {
    APPROVED, UNDER_REVIEW, DENIED, WITHDRAWN
}
