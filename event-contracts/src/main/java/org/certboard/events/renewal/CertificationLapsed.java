package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** The late-renewal grace period ended; the person must reapply and pass again. */
public record CertificationLapsed(UUID candidateId, String number, LocalDate lapsedOn) implements EventPayload {
}
