package org.certboard.exam.window;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code passMark} is optional: the pass mark of this window's exam form when it differs from the board's. */
public record NewWindow(@NotBlank @Size(max = 200) String name, @NotNull LocalDate opensOn,
        @NotNull LocalDate closesOn, Integer passMark) {
}
