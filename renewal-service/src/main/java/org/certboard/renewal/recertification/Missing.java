package org.certboard.renewal.recertification;

import org.certboard.renewal.certification.RenewalOpening;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One unmet renewal requirement: a stable code for clients and a sentence for people; {@code category} names the CE
 * category of {@code ETHICS_HOURS} and {@code CATEGORY_HOURS}, null for the others.
 */
@Schema(name = "MissingRequirement")
public record Missing(String requirement, String detail,
        @Schema(nullable = true, description = "The CE category short of its minimum (ETHICS_HOURS, CATEGORY_HOURS)")
        String category) {
    public static final String WINDOW = "RENEWAL_WINDOW";
    public static final String STATUS = "STATUS";
    public static final String CE_HOURS = "CE_HOURS";
    /** The ethics category short of its minimum (CCM's, as before programs existed). */
    public static final String ETHICS_HOURS = "ETHICS_HOURS";
    /** Any other CE category short of its minimum; {@code category} names it. */
    public static final String CATEGORY_HOURS = "CATEGORY_HOURS";
    public static final String LICENCE = "LICENCE";

    public Missing(String requirement, String detail) {
        this(requirement, detail, null);
    }

    /** Why the certification's status or dates keep it from renewing now. */
    static Missing of(RenewalOpening.Closed closed) {
        return new Missing(switch (closed.reason()) {
            case WINDOW -> WINDOW;
            case STATUS -> STATUS;
        }, closed.detail());
    }
}
