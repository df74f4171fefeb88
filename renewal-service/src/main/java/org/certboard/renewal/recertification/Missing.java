package org.certboard.renewal.recertification;

import org.certboard.renewal.certification.RenewalOpening;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One unmet renewal requirement: a stable code for clients and a sentence for people. */
@Schema(name = "MissingRequirement")
public record Missing(String requirement, String detail) {
    public static final String WINDOW = "RENEWAL_WINDOW";
    public static final String STATUS = "STATUS";
    public static final String CE_HOURS = "CE_HOURS";
    public static final String ETHICS_HOURS = "ETHICS_HOURS";
    public static final String LICENCE = "LICENCE";

    /** Why the certification's status or dates keep it from renewing now. */
    static Missing of(RenewalOpening.Closed closed) {
        return new Missing(switch (closed.reason()) {
            case WINDOW -> WINDOW;
            case STATUS -> STATUS;
        }, closed.detail());
    }
}
