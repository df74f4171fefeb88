package org.certboard.exam.result;

import java.time.LocalDate;
import java.util.UUID;

import org.certboard.events.Actor;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code recordedBy}: the vendor account or staff member who recorded the result. */
public record ResultView(UUID id, UUID bookingId, UUID candidateId,
        @Schema(nullable = true, description = "null for a no-show") Integer scaledScore, boolean passed,
        boolean noShow, LocalDate examDate, @Schema(nullable = true) Actor recordedBy,
        @Schema(description = "The credential program of the exam, its booking's", example = "CCM") String program) {
    public static ResultView of(ExamResult r) {
        return new ResultView(r.id, r.bookingId, r.candidateId, r.scaledScore, r.passed, r.noShow, r.examDate,
                r.recordedBy(), r.program);
    }
}
