package org.certboard.candidate.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Staff accept or reject a pending name change; the note is kept with it. */
public record NameChangeDecision(@NotNull Choice decision, @NotBlank @Size(max = 2000) String note) {

    @Schema(name = "NameChangeDecisionChoice", description = "Accept (the candidate takes the requested name) or reject")
    public enum Choice {
        ACCEPT, REJECT
    }
}
