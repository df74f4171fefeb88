package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/** The certificant chose retired status after expiry; {@code actor} is the staff member who recorded the request. */
public record CertificationRetired(UUID candidateId, String number, LocalDate retiredOn, @OptionalField Actor actor) implements EventPayload {
}
