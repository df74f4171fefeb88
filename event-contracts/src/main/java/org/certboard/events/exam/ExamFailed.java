package org.certboard.events.exam;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A failing result (or a no-show) was recorded for a booking. */
public record ExamFailed(UUID candidateId, UUID bookingId, LocalDate examDate, Integer scaledScore, boolean noShow) implements EventPayload {
}
