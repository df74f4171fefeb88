package org.certboard.renewal.recertification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.certboard.events.CeCategory;

/**
 * A program's continuing-education and licence requirements of a renewal (the timing is the calendar's business):
 * {@code requiredHours} in all, and at least {@code categoryMinimums} hours in each named category (CCM: 8 in
 * ethics). A credit counts toward the total once and toward every category it names.
 */
public record RenewalRequirements(BigDecimal requiredHours, SortedMap<String, BigDecimal> categoryMinimums) {

    public RenewalRequirements {
        if (requiredHours.signum() < 0) {
            throw new IllegalArgumentException("ce.required-hours must not be negative: " + requiredHours);
        }
        for (Map.Entry<String, BigDecimal> minimum : categoryMinimums.entrySet()) {
            if (!minimum.getKey().matches(CeCategory.PATTERN)) {
                throw new IllegalArgumentException("ce.categories." + minimum.getKey() + ": the category "
                        + CeCategory.RULE);
            }
            if (minimum.getValue().signum() < 0 || minimum.getValue().compareTo(requiredHours) > 0) {
                throw new IllegalArgumentException("need 0 <= ce.categories." + minimum.getKey() + " ("
                        + minimum.getValue() + ") <= ce.required-hours (" + requiredHours + ")");
            }
        }
        categoryMinimums = Collections.unmodifiableSortedMap(new TreeMap<>(categoryMinimums));
    }

    public RenewalRequirements(BigDecimal requiredHours, Map<String, BigDecimal> categoryMinimums) {
        this(requiredHours, new TreeMap<>(categoryMinimums));
    }

    /** True when credits may name {@code category} for this program. */
    public boolean knows(String category) {
        return categoryMinimums.containsKey(category);
    }

    /** The minimum hours of {@code category}, zero when the program sets none. */
    public BigDecimal minimum(String category) {
        return categoryMinimums.getOrDefault(category, BigDecimal.ZERO);
    }

    /**
     * @param earnedByCategory the hours earned toward each category (absent: none)
     * @param licenceRequired  the certification rests on a licence (licence-based eligibility)
     * @param licenceExpiresOn the latest expiry of the person's licences of the kind eligibility rested on (its type,
     *                         allowing independent practice), if any is known
     * @param on               the renewal date: the licence must be current then
     */
    public List<Missing> unmet(BigDecimal earnedHours, Map<String, BigDecimal> earnedByCategory,
            boolean licenceRequired, LocalDate licenceExpiresOn, LocalDate on) {
        List<Missing> missing = new ArrayList<>();
        if (earnedHours.compareTo(requiredHours) < 0) {
            missing.add(new Missing(Missing.CE_HOURS, shortOf("CE", requiredHours, earnedHours), null));
        }
        categoryMinimums.forEach((category, minimum) -> {
            BigDecimal earned = earnedByCategory.getOrDefault(category, BigDecimal.ZERO);
            if (earned.compareTo(minimum) < 0) {
                missing.add(new Missing(CeCategory.ETHICS.equals(category) ? Missing.ETHICS_HOURS
                        : Missing.CATEGORY_HOURS, shortOf(category, minimum, earned), category));
            }
        });
        if (licenceRequired && (licenceExpiresOn == null || licenceExpiresOn.isBefore(on))) {
            missing.add(new Missing(Missing.LICENCE, licenceExpiresOn == null
                    ? "eligibility was licence-based and no licence of that type allowing independent practice is on"
                            + " record"
                    : "eligibility was licence-based and the latest licence of that type allowing independent practice"
                            + " expired on " + licenceExpiresOn, null));
        }
        return missing;
    }

    private static String shortOf(String what, BigDecimal required, BigDecimal earned) {
        return plain(required.subtract(earned)) + " more " + what + " hours needed (" + plain(earned) + " of "
                + plain(required) + " earned in the cycle)";
    }

    private static String plain(BigDecimal hours) {
        return hours.stripTrailingZeros().toPlainString();
    }
}
