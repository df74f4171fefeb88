package org.certboard.events.exam;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/**
 * A passing result was recorded: this starts (or, by re-examination, renews) the five-year certification clock.
 * {@code actor} is the vendor account or staff member who recorded it.
 */
public record ExamPassed(UUID candidateId, UUID bookingId, LocalDate examDate, int scaledScore, @OptionalField Actor actor) implements EventPayload {
}
