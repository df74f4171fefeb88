package org.certboard.candidate.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PATCH /candidates/{id}} as the OpenAPI document shows it. The service reads the patch as a JSON
 * tree (a merge patch must tell an absent field from a null one, which a record cannot) and validates each present
 * field as {@link ContactChange}; this type gives generated clients a typed body instead of a string.
 */
@Schema(name = "CandidateContactPatch", description = "A JSON merge patch (RFC 7396) of the contact fields: send only "
        + "what changes. null is refused: none of them may be removed. Any other field is refused.")
public record CandidatePatch(
        @Schema(minLength = 1, maxLength = 100) String givenName,
        @Schema(minLength = 1, maxLength = 100) String familyName,
        @Schema(format = "email", maxLength = 254) String email) {
}
