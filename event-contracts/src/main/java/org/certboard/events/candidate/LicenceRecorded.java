package org.certboard.events.candidate;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A licence was added to a candidate's record; renewal checks that a licence-based certificant's licence is still current. */
public record LicenceRecorded(UUID candidateId, UUID licenceId, String type, String jurisdiction, LocalDate expiresOn, boolean independentPractice) implements EventPayload {
}
