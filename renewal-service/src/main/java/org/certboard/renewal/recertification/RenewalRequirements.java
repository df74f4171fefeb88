package org.certboard.renewal.recertification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The continuing-education and licence requirements of a renewal (the timing is the calendar's business). Ethics
 * hours count toward the total as well as toward the ethics minimum.
 */
public record RenewalRequirements(BigDecimal requiredHours, BigDecimal requiredEthicsHours) {

    public RenewalRequirements {
        if (requiredHours.signum() < 0 || requiredEthicsHours.signum() < 0
                || requiredEthicsHours.compareTo(requiredHours) > 0) {
            throw new IllegalArgumentException("need 0 <= ethics hours (" + requiredEthicsHours + ") <= hours ("
                    + requiredHours + ")");
        }
    }

    /**
     * @param licenceRequired  the certification rests on a licence (licence-based eligibility)
     * @param licenceExpiresOn the latest expiry of the person's licences of the kind eligibility rested on (its type,
     *                         allowing independent practice), if any is known
     * @param on               the renewal date: the licence must be current then
     */
    public List<Missing> unmet(BigDecimal earnedHours, BigDecimal earnedEthicsHours, boolean licenceRequired,
            LocalDate licenceExpiresOn, LocalDate on) {
        List<Missing> missing = new ArrayList<>();
        if (earnedHours.compareTo(requiredHours) < 0) {
            missing.add(new Missing(Missing.CE_HOURS, requiredHours.subtract(earnedHours).stripTrailingZeros()
                    .toPlainString() + " more CE hours needed (" + earnedHours.stripTrailingZeros().toPlainString()
                    + " of " + requiredHours.stripTrailingZeros().toPlainString() + " earned in the cycle)"));
        }
        if (earnedEthicsHours.compareTo(requiredEthicsHours) < 0) {
            missing.add(new Missing(Missing.ETHICS_HOURS, requiredEthicsHours.subtract(earnedEthicsHours)
                    .stripTrailingZeros().toPlainString() + " more ethics hours needed ("
                    + earnedEthicsHours.stripTrailingZeros().toPlainString() + " of "
                    + requiredEthicsHours.stripTrailingZeros().toPlainString() + " earned in the cycle)"));
        }
        if (licenceRequired && (licenceExpiresOn == null || licenceExpiresOn.isBefore(on))) {
            missing.add(new Missing(Missing.LICENCE, licenceExpiresOn == null
                    ? "eligibility was licence-based and no licence of that type allowing independent practice is on"
                            + " record"
                    : "eligibility was licence-based and the latest licence of that type allowing independent practice"
                            + " expired on " + licenceExpiresOn));
        }
        return missing;
    }
}
