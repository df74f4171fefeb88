package org.certboard.candidate.application;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an application stands; an APPROVED one authorises the candidate to sit the exam until it is withdrawn. */
@Schema(name = "ApplicationStatus")
public enum ApplicationStatus {
    APPROVED, UNDER_REVIEW, DENIED, WITHDRAWN
}
