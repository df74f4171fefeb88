package org.certboard.renewal.credential;

import java.util.Arrays;
import java.util.Optional;

/**
 * The board's Bitstring Status Lists. A credential holds one entry, in a {@link #MESSAGE} list of two-bit statuses
 * (see {@link CredentialStatus}): the published OB 3.0 schema allows one {@code credentialStatus} object, and one
 * entry still expresses both suspension and revocation. Credentials signed before certboard 1.3 carry two entries,
 * one in each one-bit list; those lists stay published, derived from the same rows, so they keep verifying.
 */
public enum StatusPurpose {
    /** Two bits per credential: revoked (high), suspended (low). */
    MESSAGE("message", 2),
    /** One bit per credential, credentials signed before 1.3 only. */
    SUSPENSION("suspension", 1),
    /** One bit per credential, credentials signed before 1.3 only. */
    REVOCATION("revocation", 1);

    private final String value;
    private final int statusSize;

    StatusPurpose(String value, int statusSize) {
        this.value = value;
        this.statusSize = statusSize;
    }

    public String value() {
        return value;
    }

    /** Bits per credential in this list. */
    public int statusSize() {
        return statusSize;
    }

    public static Optional<StatusPurpose> of(String value) {
        return Arrays.stream(values()).filter(purpose -> purpose.value.equals(value)).findFirst();
    }

    /** The one-bit lists kept for credentials signed before 1.3, as their URLs name them. */
    public static Optional<StatusPurpose> legacy(String value) {
        return of(value).filter(purpose -> purpose != MESSAGE);
    }
}
