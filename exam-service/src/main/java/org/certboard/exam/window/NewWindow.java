package org.certboard.exam.window;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.certboard.events.ProgramCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code passMark} is optional: the pass mark of this window's exam form when it differs from the program's.
 * {@code program} is optional: CCM, the one program before programs existed, when absent.
 */
public record NewWindow(@NotBlank @Size(max = 200) String name, @NotNull LocalDate opensOn,
        @NotNull LocalDate closesOn, Integer passMark,
        @Schema(description = "The credential program whose exam the window holds (one the board runs); CCM when"
                + " absent", pattern = ProgramCode.PATTERN, example = "ACM", defaultValue = ProgramCode.LEGACY)
        String program) {

    /** The program named, or CCM when none is. */
    public String programOrDefault() {
        return ProgramCode.orLegacy(program);
    }
}
