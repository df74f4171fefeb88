package org.certboard.renewal.credential;

import java.util.List;
import java.util.Map;

/**
 * What the status list says of one credential, derived from the credential and its certification when read:
 * revoked when staff withdrew it for good; suspended when it is the certification's credential in force and the
 * certification is not ACTIVE (expired, lapsed, retired). A credential superseded by a newer one (a renewal, a
 * reactivation, a name change) is neither: what it stated was true for the period it states.
 *
 * @param revokedCategory the public category of a revocation ({@link RevocationCategory}), null when not revoked
 * @param suspendedReason why it is suspended, null when it is not
 */
public record CredentialStatus(RevocationCategory revokedCategory, String suspendedReason) {
    static final int SUSPENDED_BIT = 0b01;
    static final int REVOKED_BIT = 0b10;

    /** The status messages of the {@link StatusPurpose#MESSAGE} list, one per value two bits can hold. */
    static final List<Map<String, String>> MESSAGES = List.of(
            Map.of("status", "0x0", "message", "valid"),
            Map.of("status", "0x1", "message", "suspended"),
            Map.of("status", "0x2", "message", "revoked"),
            Map.of("status", "0x3", "message", "revoked"));

    public static final CredentialStatus GOOD = new CredentialStatus(null, null);

    public boolean revoked() {
        return revokedCategory != null;
    }

    public boolean suspended() {
        return suspendedReason != null;
    }

    /** The entry's value in a list of {@code purpose}. */
    public int value(StatusPurpose purpose) {
        return switch (purpose) {
            case MESSAGE -> (revoked() ? REVOKED_BIT : 0) | (suspended() ? SUSPENDED_BIT : 0);
            case SUSPENSION -> suspended() ? 1 : 0;
            case REVOCATION -> revoked() ? 1 : 0;
        };
    }
}
