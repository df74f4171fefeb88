package org.certboard.exam.eligibility;

import java.time.LocalDate;

/** An APPROVED decision authorises sittings dated up to and including its authorisedUntil; nothing else does. */
public final class AuthorisationRule {
    public static final String APPROVED = "APPROVED";

    private AuthorisationRule() {
    }

    public static boolean permits(String status, LocalDate authorisedUntil, LocalDate sittingDate) {
        return APPROVED.equals(status) && authorisedUntil != null && !sittingDate.isAfter(authorisedUntil);
    }
}
