package org.certboard.candidate.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A staff member's decision on an application under review; the reason is kept with the application. */
public record StaffDecision(@NotNull Choice decision, @NotBlank @Size(max = 2000) String reason) {

    public enum Choice {
        APPROVE, DENY
    }
}
