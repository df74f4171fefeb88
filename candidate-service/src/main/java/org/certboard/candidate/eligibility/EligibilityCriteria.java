package org.certboard.candidate.eligibility;

import java.math.BigDecimal;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The numbers and lists of a board's eligibility rules. Construction fails with every problem listed, so that a bad
 * board profile stops the service at start-up instead of producing wrong decisions.
 *
 * @param fullTimeHoursPerWeek hours a week that count as full time; more hours never count as more than full time
 * @param requiredMonths full-time-equivalent months each experience pathway requires
 * @param authorisationPeriod how long an approval authorises the candidate to sit the exam
 * @param licenceTypes licence types in a health or human-services discipline (compared ignoring case)
 * @param degreeFields degree fields that are health or human services (compared ignoring case and spacing)
 */
public record EligibilityCriteria(BigDecimal fullTimeHoursPerWeek, Map<ExperiencePathway, BigDecimal> requiredMonths,
        Period authorisationPeriod, Set<String> licenceTypes, Set<String> degreeFields) {

    public static final BigDecimal MAX_HOURS_PER_WEEK = BigDecimal.valueOf(80);

    public EligibilityCriteria {
        List<String> problems = problems(fullTimeHoursPerWeek, requiredMonths, authorisationPeriod, licenceTypes,
                degreeFields);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        requiredMonths = Map.copyOf(new EnumMap<>(requiredMonths));
        licenceTypes = licenceTypes.stream().map(EligibilityCriteria::normalise).collect(Collectors.toUnmodifiableSet());
        degreeFields = degreeFields.stream().map(EligibilityCriteria::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** The CCMC profile: 35 h a week full time, 12/24/12 months, authorisation for 12 months. */
    public static EligibilityCriteria ccmDefaults() {
        return new EligibilityCriteria(BigDecimal.valueOf(35),
                Map.of(ExperiencePathway.SUPERVISED_BY_CCM_12_MONTHS, BigDecimal.valueOf(12),
                        ExperiencePathway.ANY_SUPERVISOR_24_MONTHS, BigDecimal.valueOf(24),
                        ExperiencePathway.SUPERVISOR_12_MONTHS, BigDecimal.valueOf(12)),
                Period.ofMonths(12),
                Set.of("RN", "LCSW", "LMSW", "LPC", "CRC", "CDMS"),
                Set.of("social work", "nursing", "counseling", "psychology", "rehabilitation counseling",
                        "human services", "public health", "occupational therapy", "physical therapy"));
    }

    public BigDecimal requiredMonths(ExperiencePathway pathway) {
        return requiredMonths.get(pathway);
    }

    public boolean isListedLicenceType(String type) {
        return licenceTypes.contains(normalise(type));
    }

    public boolean isListedDegreeField(String field) {
        return degreeFields.contains(normalise(field));
    }

    static String normalise(String text) {
        return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Names each problem by its rule, so callers can point at the setting that holds it. */
    private static List<String> problems(BigDecimal fullTime, Map<ExperiencePathway, BigDecimal> months,
            Period period, Set<String> licenceTypes, Set<String> degreeFields) {
        List<String> problems = new ArrayList<>();
        if (fullTime == null || fullTime.signum() <= 0 || fullTime.compareTo(MAX_HOURS_PER_WEEK) > 0) {
            problems.add("full-time-hours-per-week must be more than 0 and at most 80, was " + fullTime);
        }
        for (ExperiencePathway pathway : ExperiencePathway.values()) {
            BigDecimal required = months == null ? null : months.get(pathway);
            if (required == null || required.signum() <= 0) {
                problems.add("required months for " + pathway + " must be more than 0, was " + required);
            }
        }
        if (period == null || period.isNegative() || period.isZero()) {
            problems.add("authorisation-period must be a positive period such as P12M, was " + period);
        }
        if (licenceTypes == null || licenceTypes.stream().anyMatch(t -> normalise(t).isEmpty())) {
            problems.add("licence-types must not contain blank entries");
        }
        if (degreeFields == null || degreeFields.stream().anyMatch(f -> normalise(f).isEmpty())) {
            problems.add("degree-fields must not contain blank entries");
        }
        return problems.stream().filter(Objects::nonNull).toList();
    }
}
