package org.certboard.renewal.credential;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to "is this presented credential good now?". {@code credential} is what it states, present whenever the
 * board's signature holds (also for expired, suspended or revoked ones), absent for an INVALID one.
 * {@code supersededBy} names the newer credential of the same certification (after a renewal, a reactivation or a
 * name change); the superseded one stays true for the period it states.
 */
@Schema(name = "CredentialVerification")
public record Verification(Result result, String reason, Stated credential,
        @Schema(nullable = true, description = "The id of the newer credential that supersedes this one (a renewal, "
                + "reactivation or name change); null when this is the newest") String supersededBy) {

    /** In order of precedence: the first that applies is the answer. */
    @Schema(name = "CredentialVerificationResult")
    public enum Result {
        /** Not a credential of the board: unreadable, unknown key, bad signature, or not an OpenBadgeCredential. */
        INVALID,
        /** Withdrawn for good. */
        REVOKED,
        /** Not valid now: its certification is expired, lapsed or retired; may be reinstated. */
        SUSPENDED,
        /** Past its validUntil. */
        EXPIRED,
        /** Before its validFrom: a renewal issued ahead of the new cycle. */
        NOT_YET_VALID,
        VALID
    }

    /** What the credential says, for a verifier to compare with the person before them. */
    @Schema(name = "StatedCredential")
    public record Stated(String id, String name, String achievement, String certificationNumber, String issuer,
            String validFrom, String validUntil) {
    }

    static Verification invalid(String reason) {
        return new Verification(Result.INVALID, reason, null, null);
    }
}
