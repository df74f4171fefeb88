package org.certboard.candidate.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides an application as of its submission date. All three requirements must hold: a licence or a degree, one of
 * the experience pathways, and the attestation. Each alternative is checked and reported, so staff and candidates see
 * why the decision came out as it did. A requirement met only on evidence the board wants a person to look at
 * (self-employment, a licence type or degree field not on the board's lists) sends the application to review
 * rather than approving or denying it.
 */
public final class EligibilityRules {
    public static final String LICENCE = "LICENCE";
    public static final String DEGREE = "DEGREE";
    public static final String ATTESTATION = "ATTESTATION";
    public static final String EXPERIENCE_PREFIX = "EXPERIENCE_";

    private final EligibilityCriteria criteria;

    public EligibilityRules(EligibilityCriteria criteria) {
        this.criteria = criteria;
    }

    public EligibilityCriteria criteria() {
        return criteria;
    }

    public Decision decide(Evidence evidence, LocalDate submittedOn) {
        LicenceEvidence basisLicence = basisLicence(evidence.licences(), submittedOn);
        Check licence = licence(evidence.licences(), submittedOn);
        Check degree = degree(evidence.degrees(), submittedOn);
        List<Check> experience = new ArrayList<>();
        for (ExperiencePathway pathway : ExperiencePathway.values()) {
            experience.add(experience(pathway, evidence.experience(), submittedOn));
        }
        Check attestation = evidence.attestation()
                ? new Check(ATTESTATION, Outcome.PASSED, "the candidate attested good standing")
                : new Check(ATTESTATION, Outcome.FAILED, "the candidate did not attest good standing");

        List<Check> checks = new ArrayList<>(List.of(licence, degree));
        checks.addAll(experience);
        checks.add(attestation);

        Optional<Basis> basis = best(licence, degree).map(c -> c == licence ? Basis.LICENCE : Basis.DEGREE);
        Optional<Check> bestExperience = best(experience.toArray(Check[]::new));
        if (basis.isEmpty() || bestExperience.isEmpty() || !attestation.passed()) {
            return new Decision(Verdict.DENIED, null, null, checks, null);
        }
        ExperiencePathway pathway = ExperiencePathway.valueOf(
                bestExperience.get().rule().substring(EXPERIENCE_PREFIX.length()));
        Check basisCheck = basis.get() == Basis.LICENCE ? licence : degree;
        String name = pathway.pathway(basis.get());
        String licenceType = basis.get() == Basis.LICENCE && basisLicence != null ? basisLicence.type() : null;
        if (basisCheck.passed() && bestExperience.get().passed()) {
            return new Decision(Verdict.APPROVED, name, submittedOn.plus(criteria.authorisationPeriod()), checks,
                    licenceType);
        }
        return new Decision(Verdict.UNDER_REVIEW, name, null, checks, licenceType);
    }

    /** The first alternative that passed, else the first that needs review; empty when all failed. */
    private static Optional<Check> best(Check... alternatives) {
        for (Outcome wanted : List.of(Outcome.PASSED, Outcome.REVIEW)) {
            for (Check check : alternatives) {
                if (check.outcome() == wanted) {
                    return Optional.of(check);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The licence the LICENCE check rests on: the first current, independent-practice licence of a listed type, else
     * the first of an unlisted type (the one staff confirm). Renewal later requires a current licence of its type.
     */
    private LicenceEvidence basisLicence(List<LicenceEvidence> licences, LocalDate submittedOn) {
        LicenceEvidence unlisted = null;
        for (LicenceEvidence licence : licences) {
            if (!licence.expiresOn().isBefore(submittedOn) && licence.independentPractice()) {
                if (criteria.isListedLicenceType(licence.type())) {
                    return licence;
                }
                unlisted = unlisted == null ? licence : unlisted;
            }
        }
        return unlisted;
    }

    private Check licence(List<LicenceEvidence> licences, LocalDate submittedOn) {
        if (licences.isEmpty()) {
            return new Check(LICENCE, Outcome.FAILED, "no licence recorded");
        }
        List<String> reasons = new ArrayList<>();
        LicenceEvidence unlisted = null;
        for (LicenceEvidence licence : licences) {
            String name = licence.type() + " " + licence.number() + " (" + licence.jurisdiction() + ")";
            if (licence.expiresOn().isBefore(submittedOn)) {
                reasons.add(name + " expired on " + licence.expiresOn());
            } else if (!licence.independentPractice()) {
                reasons.add(name + " does not allow independent practice");
            } else if (!criteria.isListedLicenceType(licence.type())) {
                unlisted = licence;
                reasons.add(name + " is not a licence type on the board's list");
            } else {
                return new Check(LICENCE, Outcome.PASSED, name + " is current until " + licence.expiresOn()
                        + " and allows independent practice");
            }
        }
        if (unlisted != null) {
            return new Check(LICENCE, Outcome.REVIEW, unlisted.type() + " " + unlisted.number() + " ("
                    + unlisted.jurisdiction() + ") is current and allows independent practice, but its type is not "
                    + "on the board's list of health and human-services licences: staff must confirm the discipline");
        }
        return new Check(LICENCE, Outcome.FAILED, "no current licence allowing independent practice: "
                + String.join("; ", reasons));
    }

    private Check degree(List<DegreeEvidence> degrees, LocalDate submittedOn) {
        if (degrees.isEmpty()) {
            return new Check(DEGREE, Outcome.FAILED, "no degree recorded");
        }
        List<String> reasons = new ArrayList<>();
        DegreeEvidence unlisted = null;
        for (DegreeEvidence degree : degrees) {
            String name = degree.level() + " in " + degree.field() + " (" + degree.institution() + ")";
            if (degree.awardedOn().isAfter(submittedOn)) {
                reasons.add(name + " is awarded only on " + degree.awardedOn());
            } else if (!degree.supervisedFieldExperience()) {
                reasons.add(name + " has no completed supervised field experience");
            } else if (!criteria.isListedDegreeField(degree.field())) {
                unlisted = degree;
                reasons.add(name + " is not in a field on the board's list");
            } else {
                return new Check(DEGREE, Outcome.PASSED, name + " with supervised field experience");
            }
        }
        if (unlisted != null) {
            return new Check(DEGREE, Outcome.REVIEW, unlisted.level() + " in " + unlisted.field()
                    + " has supervised field experience, but the field is not on the board's list of health and "
                    + "human-services fields: staff must confirm it");
        }
        return new Check(DEGREE, Outcome.FAILED, "no qualifying degree: " + String.join("; ", reasons));
    }

    private Check experience(ExperiencePathway pathway, List<ExperienceEntry> entries, LocalDate submittedOn) {
        String rule = EXPERIENCE_PREFIX + pathway.name();
        BigDecimal required = criteria.requiredMonths(pathway);
        List<ExperienceEntry> counted = entries.stream().filter(pathway::counts).collect(Collectors.toList());
        BigDecimal all = FteMonths.of(counted, submittedOn, criteria.fullTimeHoursPerWeek());
        BigDecimal employed = FteMonths.of(counted.stream().filter(e -> !e.selfEmployed()).toList(), submittedOn,
                criteria.fullTimeHoursPerWeek());
        String of = " full-time-equivalent months of " + pathway.description() + " as of " + submittedOn
                + " (" + format(required) + " required)";
        if (employed.compareTo(required) >= 0) {
            return new Check(rule, Outcome.PASSED, format(employed) + of);
        }
        if (all.compareTo(required) >= 0) {
            return new Check(rule, Outcome.REVIEW, format(all) + of + ", met only with self-employment ("
                    + format(employed) + " without it): staff must check the billable hours");
        }
        return new Check(rule, Outcome.FAILED, "only " + format(all) + of);
    }

    private static String format(BigDecimal months) {
        return months.stripTrailingZeros().toPlainString();
    }
}
