package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A certification was renewed; the new cycle starts at the previous expiry. {@code method} is CE or EXAM. */
public record CertificationRenewed(UUID candidateId, String number, String method, boolean late, LocalDate cycleStartedOn, LocalDate expiresOn) implements EventPayload {
}
