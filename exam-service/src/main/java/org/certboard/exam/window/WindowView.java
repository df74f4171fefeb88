package org.certboard.exam.window;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record WindowView(UUID id, String name, LocalDate opensOn, LocalDate closesOn,
        @Schema(nullable = true, description = "null: the program's pass mark") Integer passMark,
        @Schema(description = "The credential program whose exam the window holds", example = "CCM")
        String program) {
    static WindowView of(ExamWindow w) {
        return new WindowView(w.id, w.name, w.opensOn, w.closesOn, w.passMark, w.program);
    }
}
