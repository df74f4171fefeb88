package org.certboard.renewal.credential;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why a credential was withdrawn, as an anonymous verifier may learn it: a category from a fixed list, never staff's
 * own words (their note stays with the board).
 */
@Schema(name = "RevocationCategory")
public enum RevocationCategory {
    ISSUED_IN_ERROR("issued in error"),
    DISCIPLINARY_ACTION("disciplinary action"),
    ELIGIBILITY_MISREPRESENTED("eligibility misrepresented"),
    VOLUNTARY_SURRENDER("voluntary surrender"),
    /** Revocations recorded before the categories existed, whose free-text reason stays internal. */
    WITHDRAWN_BY_BOARD("withdrawn by the board");

    private final String label;

    RevocationCategory(String label) {
        this.label = label;
    }

    /** What a verifier reads. */
    public String label() {
        return label;
    }
}
