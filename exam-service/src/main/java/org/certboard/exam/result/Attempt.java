package org.certboard.exam.result;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt of a candidate; a no-show is an attempt without a score. */
@Schema(name = "ExamAttempt")
public record Attempt(UUID bookingId, LocalDate examDate, @Schema(nullable = true) Integer scaledScore,
        boolean passed, boolean noShow,
        @Schema(description = "The credential program of the exam", example = "CCM") String program) {
    static Attempt of(ExamResult r) {
        return new Attempt(r.bookingId, r.examDate, r.scaledScore, r.passed, r.noShow, r.program);
    }
}
