package org.certboard.events.exam;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.certboard.events.EventPayload;
import org.certboard.events.OptionalField;

/**
 * A failing result (or a no-show) was recorded for a booking. {@code actor} is the vendor account or staff member who
 * recorded it.
 */
public record ExamFailed(UUID candidateId, UUID bookingId, LocalDate examDate, Integer scaledScore, boolean noShow, @OptionalField Actor actor) implements EventPayload {
}
