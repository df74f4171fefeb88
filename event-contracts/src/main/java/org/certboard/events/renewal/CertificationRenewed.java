package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/**
 * A certification was renewed; the new cycle starts at the previous expiry. {@code method} is CE or EXAM.
 * {@code actor} is the staff member who accepted an audited renewal's evidence; null when no one had to.
 */
public record CertificationRenewed(UUID candidateId, String number, String method, boolean late, LocalDate cycleStartedOn, LocalDate expiresOn, @OptionalField Actor actor) implements EventPayload {
}
