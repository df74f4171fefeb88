package org.certboard.events.exam;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.EventPayload;

/** A passing result was recorded: this starts (or, by re-examination, renews) the five-year certification clock. */
public record ExamPassed(UUID candidateId, UUID bookingId, LocalDate examDate, int scaledScore) implements EventPayload {
}
