package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** The certificant chose retired status after expiry. */
public record CertificationRetired(UUID candidateId, String number, LocalDate retiredOn) implements EventPayload {
}
