package org.certboard.candidate.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A candidate asks for a new legal name: both parts as they should read, why, and where the proof is. */
public record NameChangeRequest(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotBlank @Size(max = 2000) String reason,
        @Schema(nullable = true, description = "Where staff find the evidence (e.g. a marriage certificate's "
                + "reference or an uploaded document's id); optional")
        @Size(max = 200) String documentReference) {
}
