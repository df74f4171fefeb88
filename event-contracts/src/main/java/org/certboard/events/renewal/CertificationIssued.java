package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A certification was issued after a passed exam. */
public record CertificationIssued(UUID candidateId, String number, LocalDate firstCertifiedOn, LocalDate cycleStartedOn, LocalDate expiresOn) implements EventPayload {
}
