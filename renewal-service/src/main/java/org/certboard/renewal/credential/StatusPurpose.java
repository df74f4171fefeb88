package org.certboard.renewal.credential;

import java.util.Arrays;
import java.util.Optional;

/** The two Bitstring Status Lists of the board. */
public enum StatusPurpose {
    /** Not valid now, but may be again: the certification expired, lapsed or retired, or the credential was replaced. */
    SUSPENSION("suspension"),
    /** Withdrawn for good. */
    REVOCATION("revocation");

    private final String value;

    StatusPurpose(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<StatusPurpose> of(String value) {
        return Arrays.stream(values()).filter(purpose -> purpose.value.equals(value)).findFirst();
    }
}
