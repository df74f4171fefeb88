package org.certboard.candidate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

import org.certboard.candidate.eligibility.ExperiencePathway;
import org.junit.jupiter.api.Test;

class BoardRulesTest {

    @Test
    void aBadProfileStopsStartUpNamingTheSettings() {
        BoardRules profile = new BoardRules(config(BigDecimal.valueOf(90), Period.ofMonths(-1)));

        assertThatThrownBy(profile::eligibilityRules).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The board profile (certboard.eligibility.*) is invalid")
                .hasMessageContaining("full-time-hours-per-week must be more than 0 and at most 80, was 90")
                .hasMessageContaining("authorisation-period must be a positive period such as P12M, was P-1M")
                .hasMessageContaining("docs/candidate-service.md");
    }

    @Test
    void theDefaultsMakeTheCcmRules() {
        var rules = new BoardRules(config(BigDecimal.valueOf(35), Period.ofMonths(12))).eligibilityRules();

        assertThat(rules.criteria().requiredMonths(ExperiencePathway.ANY_SUPERVISOR_24_MONTHS)).isEqualByComparingTo("24");
        assertThat(rules.criteria().isListedLicenceType(" rn ")).isTrue();
        assertThat(rules.criteria().isListedDegreeField("Social  Work")).isTrue();
    }

    private static EligibilityConfig config(BigDecimal fullTime, Period authorisation) {
        return new EligibilityConfig() {
            @Override
            public BigDecimal fullTimeHoursPerWeek() {
                return fullTime;
            }

            @Override
            public BigDecimal supervisedByCcmMonths() {
                return BigDecimal.valueOf(12);
            }

            @Override
            public BigDecimal anySupervisorMonths() {
                return BigDecimal.valueOf(24);
            }

            @Override
            public BigDecimal supervisorMonths() {
                return BigDecimal.valueOf(12);
            }

            @Override
            public Period authorisationPeriod() {
                return authorisation;
            }

            @Override
            public List<String> licenceTypes() {
                return List.of("RN", "LCSW");
            }

            @Override
            public List<String> degreeFields() {
                return List.of("social work");
            }
        };
    }
}
