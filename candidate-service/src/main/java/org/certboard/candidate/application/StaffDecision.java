package org.certboard.candidate.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


/** A staff member's decision on an application under review; the reason is kept with the application. */
public record StaffDecision(@NotNull Choice decision, @NotBlank @Size(max = 2000) String reason) {

    @Schema(name = "ApplicationDecisionChoice", description = "Approve or deny an application under review")
    public enum Choice {
        APPROVE, DENY
    }
}
