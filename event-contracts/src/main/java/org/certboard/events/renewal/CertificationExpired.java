package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A certification reached the end of its expiry date without renewal; late renewal is still possible. */
public record CertificationExpired(UUID candidateId, String number, LocalDate expiredOn) implements EventPayload {
}
