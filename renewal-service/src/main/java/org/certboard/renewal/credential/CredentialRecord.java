package org.certboard.renewal.credential;

import java.time.Instant;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One credential of a certification, as its history lists it for the holder and staff: what it states, and whether it
 * is the one in force, superseded by a newer one, or revoked.
 */
@Schema(name = "CredentialRecord")
public record CredentialRecord(String id, LocalDate validFrom, LocalDate validUntil, Instant issuedAt,
        Standing standing,
        @Schema(nullable = true, description = "The newer credential's id, when superseded") String supersededBy,
        @Schema(nullable = true, description = "Why it was superseded (renewed, reactivated, name changed)")
        String supersededReason,
        @Schema(nullable = true, description = "The public category, when revoked") RevocationCategory revokedCategory) {

    @Schema(name = "CredentialStanding")
    public enum Standing {
        /** The newest: what the holder downloads. */
        CURRENT,
        /** A newer credential speaks for the certification; this one stays true for the period it states. */
        SUPERSEDED,
        /** Withdrawn for good. */
        REVOKED
    }

    static CredentialRecord of(Credential credential) {
        Standing standing = credential.revokedAt != null ? Standing.REVOKED
                : credential.supersededBy != null ? Standing.SUPERSEDED : Standing.CURRENT;
        return new CredentialRecord("urn:uuid:" + credential.id, credential.validFrom, credential.validUntil,
                credential.issuedAt, standing,
                credential.supersededBy == null ? null : "urn:uuid:" + credential.supersededBy,
                credential.supersededReason, credential.revokedCategory);
    }
}
