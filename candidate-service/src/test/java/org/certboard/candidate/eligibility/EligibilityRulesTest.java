package org.certboard.candidate.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The eligibility rules as a table, all decided on 2026-06-01. Notation: licence {@code TYPE/expiresOn/independent};
 * degree {@code LEVEL/field/awardedOn/supervisedFieldExperience}; experience entries {@code ROLE/supervision/
 * employment/start/end/hoursPerWeek} separated by ';' with ROLE CM (case manager) or SUP (supervisor), supervision
 * CCM or ANY, employment EMP or SELF; {@code -} for none.
 */
class EligibilityRulesTest {
    private static final LocalDate SUBMITTED = LocalDate.parse("2026-06-01");
    private final EligibilityRules rules = new EligibilityRules(EligibilityCriteria.ccmDefaults());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            licence current on the submission day, 12 months under a CCM | RN/2026-06-01/true | - | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | APPROVED | LICENCE_SUPERVISED_BY_CCM_12_MONTHS | DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            licence expired the day before submission | RN/2026-05-31/true | - | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | DENIED | - | LICENCE;DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            licence without independent practice | LPN/2030-01-01/false | - | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | DENIED | - | LICENCE;DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            licence type not on the board's list | XYZ/2030-01-01/true | - | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | UNDER_REVIEW | LICENCE_SUPERVISED_BY_CCM_12_MONTHS | DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            degree in social work with field experience, 24 months any supervisor | - | MASTER/Social Work/2010-05-01/true | CM/ANY/EMP/2024-06-01/2026-05-31/35 | true | APPROVED | DEGREE_ANY_SUPERVISOR_24_MONTHS | LICENCE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            doctorate in nursing with field experience, 12 months as supervisor | - | DOCTORATE/nursing/2015-05-01/true | SUP/ANY/EMP/2025-01-01/2025-12-31/40 | true | APPROVED | DEGREE_SUPERVISOR_12_MONTHS | LICENCE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS
            degree without supervised field experience | - | BACHELOR/Nursing/2010-05-01/false | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | DENIED | - | LICENCE;DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            degree awarded after the submission date | - | BACHELOR/Nursing/2026-06-02/true | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | DENIED | - | LICENCE;DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            degree field not on the board's list | - | BACHELOR/Accounting/2010-05-01/true | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | UNDER_REVIEW | DEGREE_SUPERVISED_BY_CCM_12_MONTHS | LICENCE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            licence preferred when licence and degree both qualify | RN/2030-01-01/true | BACHELOR/Nursing/2010-05-01/true | CM/CCM/EMP/2025-01-01/2025-12-31/35 | true | APPROVED | LICENCE_SUPERVISED_BY_CCM_12_MONTHS | EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            11.9 FTE months under a CCM | RN/2030-01-01/true | - | CM/CCM/EMP/2025-01-01/2025-12-28/35 | true | DENIED | - | DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            part-time 24 months at half time is 12 FTE months | RN/2030-01-01/true | - | CM/CCM/EMP/2024-01-01/2025-12-31/17.5 | true | APPROVED | LICENCE_SUPERVISED_BY_CCM_12_MONTHS | DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            part-time 24 months at 17 hours is short of 12 | RN/2030-01-01/true | - | CM/CCM/EMP/2024-01-01/2025-12-31/17 | true | DENIED | - | DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            overlapping jobs do not double-count time | RN/2030-01-01/true | - | CM/ANY/EMP/2025-01-01/2025-12-31/35;CM/ANY/EMP/2025-01-01/2025-12-31/35 | true | DENIED | - | DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            two overlapping part-time jobs add up to full time | RN/2030-01-01/true | - | CM/CCM/EMP/2025-01-01/2025-12-31/20;CM/CCM/EMP/2025-01-01/2025-12-31/15 | true | APPROVED | LICENCE_SUPERVISED_BY_CCM_12_MONTHS | DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            threshold met only with self-employment | RN/2030-01-01/true | - | CM/ANY/EMP/2024-01-01/2024-12-31/35;CM/ANY/SELF/2025-01-01/2025-12-31/35 | true | UNDER_REVIEW | LICENCE_ANY_SUPERVISOR_24_MONTHS | DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            self-employment not needed to meet the threshold | RN/2030-01-01/true | - | CM/ANY/EMP/2024-01-01/2025-12-31/35;CM/ANY/SELF/2023-01-01/2023-12-31/35 | true | APPROVED | LICENCE_ANY_SUPERVISOR_24_MONTHS | DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            experience after the submission date does not count | RN/2030-01-01/true | - | CM/CCM/EMP/2025-07-01/2027-06-30/35 | true | DENIED | - | DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            no attestation | RN/2030-01-01/true | - | CM/CCM/EMP/2025-01-01/2025-12-31/35 | false | DENIED | - | DEGREE;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS;ATTESTATION
            a doubtful licence does not save a failing experience | XYZ/2030-01-01/true | - | - | true | DENIED | - | DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            nothing on file | - | - | - | true | DENIED | - | LICENCE;DEGREE;EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS;EXPERIENCE_ANY_SUPERVISOR_24_MONTHS;EXPERIENCE_SUPERVISOR_12_MONTHS
            """)
    void decides(String scenario, String licence, String degree, String experience, boolean attestation,
            Verdict verdict, String pathway, String failedRules) {
        Decision decision = rules.decide(new Evidence(licences(licence), degrees(degree), experience(experience),
                attestation), SUBMITTED);

        assertThat(decision.verdict()).as(scenario).isEqualTo(verdict);
        assertThat(decision.pathway()).as("pathway").isEqualTo(pathway);
        assertThat(decision.authorisedUntil()).as("authorisedUntil")
                .isEqualTo(verdict == Verdict.APPROVED ? LocalDate.parse("2027-06-01") : null);
        assertThat(decision.failed()).extracting(Check::rule).as("failed rules")
                .containsExactlyElementsOf(failedRules == null ? List.of() : Arrays.asList(failedRules.split(";")));
        assertThat(decision.checks()).extracting(Check::rule).containsExactly("LICENCE", "DEGREE",
                "EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS", "EXPERIENCE_ANY_SUPERVISOR_24_MONTHS",
                "EXPERIENCE_SUPERVISOR_12_MONTHS", "ATTESTATION");
        assertThat(decision.checks()).allSatisfy(check -> assertThat(check.detail()).isNotBlank());
    }

    @Test
    void explainsTheCountBehindAnExperienceCheck() {
        Decision decision = rules.decide(new Evidence(licences("RN/2030-01-01/true"), List.of(),
                experience("CM/CCM/EMP/2025-01-01/2025-12-28/35"), true), SUBMITTED);

        assertThat(decision.checks()).filteredOn(c -> c.rule().equals("EXPERIENCE_SUPERVISED_BY_CCM_12_MONTHS"))
                .singleElement().satisfies(check -> {
                    assertThat(check.outcome()).isEqualTo(Outcome.FAILED);
                    assertThat(check.detail()).contains("11.9032").contains("12 required");
                });
        assertThat(decision.checks()).filteredOn(c -> c.rule().equals("LICENCE")).singleElement()
                .satisfies(check -> assertThat(check.detail()).contains("current until 2030-01-01"));
    }

    @Test
    void explainsWhySelfEmploymentGoesToReview() {
        Decision decision = rules.decide(new Evidence(licences("RN/2030-01-01/true"), List.of(),
                experience("CM/CCM/SELF/2025-01-01/2025-12-31/35"), true), SUBMITTED);

        assertThat(decision.verdict()).isEqualTo(Verdict.UNDER_REVIEW);
        assertThat(decision.checks()).filteredOn(c -> c.outcome() == Outcome.REVIEW).extracting(Check::detail)
                .singleElement().asString().contains("self-employment");
    }

    @Test
    void followsTheBoardsNumbers() {
        EligibilityCriteria board = new EligibilityCriteria(BigDecimal.valueOf(40),
                Map.of(ExperiencePathway.SUPERVISED_BY_CCM_12_MONTHS, BigDecimal.valueOf(6),
                        ExperiencePathway.ANY_SUPERVISOR_24_MONTHS, BigDecimal.valueOf(24),
                        ExperiencePathway.SUPERVISOR_12_MONTHS, BigDecimal.valueOf(12)),
                Period.ofMonths(18), Set.of("RN"), Set.of("nursing"));
        Decision decision = new EligibilityRules(board).decide(new Evidence(licences("RN/2030-01-01/true"),
                List.of(), experience("CM/CCM/EMP/2025-07-01/2025-12-31/40"), true), SUBMITTED);

        assertThat(decision.verdict()).isEqualTo(Verdict.APPROVED);
        assertThat(decision.authorisedUntil()).isEqualTo(LocalDate.parse("2027-12-01"));
        assertThat(new EligibilityRules(board).decide(new Evidence(licences("RN/2030-01-01/true"), List.of(),
                experience("CM/CCM/EMP/2025-07-01/2025-12-31/35"), true), SUBMITTED).verdict())
                .as("35 h is not full time on a 40 h board").isEqualTo(Verdict.DENIED);
    }

    @Test
    void refusesABoardProfileThatMakesNoSense() {
        assertThatThrownBy(() -> new EligibilityCriteria(BigDecimal.ZERO,
                Map.of(ExperiencePathway.SUPERVISED_BY_CCM_12_MONTHS, BigDecimal.ZERO),
                Period.ZERO, Set.of(" "), Set.of("nursing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("full-time-hours-per-week must be more than 0 and at most 80, was 0")
                .hasMessageContaining("SUPERVISED_BY_CCM_12_MONTHS must be more than 0")
                .hasMessageContaining("ANY_SUPERVISOR_24_MONTHS must be more than 0, was null")
                .hasMessageContaining("authorisation-period must be a positive period")
                .hasMessageContaining("licence-types must not contain blank entries");
    }

    private static List<LicenceEvidence> licences(String spec) {
        if (spec == null) {
            return List.of();
        }
        String[] p = spec.split("/");
        return List.of(new LicenceEvidence(p[0], "L-1", "NY", LocalDate.parse(p[1]), Boolean.parseBoolean(p[2])));
    }

    private static List<DegreeEvidence> degrees(String spec) {
        if (spec == null) {
            return List.of();
        }
        String[] p = spec.split("/");
        return List.of(new DegreeEvidence(DegreeLevel.valueOf(p[0]), p[1], "State University", LocalDate.parse(p[2]),
                Boolean.parseBoolean(p[3])));
    }

    private static List<ExperienceEntry> experience(String spec) {
        List<ExperienceEntry> entries = new ArrayList<>();
        if (spec == null) {
            return entries;
        }
        for (String entry : spec.split(";")) {
            String[] p = entry.split("/");
            entries.add(new ExperienceEntry("Employer", p[0].equals("CM") ? ExperienceRole.CASE_MANAGER
                    : ExperienceRole.SUPERVISOR, LocalDate.parse(p[3]), LocalDate.parse(p[4]), new BigDecimal(p[5]),
                    p[1].equals("CCM"), p[2].equals("SELF")));
        }
        return entries;
    }
}
