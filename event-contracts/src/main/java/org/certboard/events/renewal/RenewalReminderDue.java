package org.certboard.events.renewal;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A renewal reminder fell due ({@code daysBefore} = 180, 90 or 30 by default). */
public record RenewalReminderDue(UUID candidateId, String number, int daysBefore, LocalDate dueOn, LocalDate expiresOn) implements EventPayload {
}
