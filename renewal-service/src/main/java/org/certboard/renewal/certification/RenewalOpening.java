package org.certboard.renewal.certification;

import java.time.LocalDate;

/**
 * Whether a certification may renew on a given day as far as its status and dates decide ({@link
 * Certification#renewalOpening}): open, with the day its next cycle starts, or closed, with the reason. The CE and
 * licence requirements, and a renewal awaiting its audit, are the renewal's own business.
 */
public sealed interface RenewalOpening {

    /** It may renew: the next cycle starts on {@code nextCycleStartsOn}; {@code late} inside the grace period. */
    record Open(LocalDate nextCycleStartsOn, boolean late) implements RenewalOpening {
    }

    /** It may not renew now; {@code detail} tells the certificant why. */
    record Closed(Reason reason, String detail) implements RenewalOpening {
    }

    enum Reason {
        /** Before the renewal window opens, or after late renewal ended. */
        WINDOW,
        /** Lapsed, or retired beyond its reactivation window: only passing the exam again certifies. */
        STATUS
    }
}
