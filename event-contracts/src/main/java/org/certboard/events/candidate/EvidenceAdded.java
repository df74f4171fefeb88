package org.certboard.events.candidate;

import java.time.Instant;
import java.util.UUID;

import org.certboard.events.EventPayload;

/**
 * A degree or a period of experience was added to a candidate's file; a licence is announced by
 * {@link LicenceRecorded}. Only the kind, never the content: the timeline needs to know that the file grew, and
 * nobody outside candidate-service needs where someone studied or worked.
 */
public record EvidenceAdded(UUID candidateId, UUID evidenceId, String kind, Instant addedAt) implements EventPayload {
    public static final String DEGREE = "DEGREE";
    public static final String EXPERIENCE = "EXPERIENCE";
}
