package org.certboard.candidate.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.Map;

import org.certboard.candidate.eligibility.EligibilityRules;
import org.certboard.candidate.eligibility.ExperiencePathway;
import org.certboard.platform.program.ProgramRules;
import org.certboard.platform.program.Programs;
import org.certboard.platform.program.ProgramsConfig;
import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class BoardRulesTest {
    private static final String CCM = "certboard.programs.CCM.";
    private static final String ACM = "certboard.programs.ACM.";

    @Test
    void aBadSettingStopsStartUpNamingTheProgramAndTheSettings() {
        assertThatThrownBy(() -> rules(Map.of(CCM + "name", "Certified Case Manager (CCM)",
                ACM + "name", "Accredited Case Manager (ACM)",
                ACM + "eligibility.full-time-hours-per-week", "90",
                ACM + "eligibility.authorisation-period", "P-1M")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("The rules of program ACM (certboard.programs.ACM.*) are invalid")
                .hasMessageContaining("full-time-hours-per-week must be more than 0 and at most 80, was 90")
                .hasMessageContaining("authorisation-period must be a positive period such as P12M, was P-1M")
                .hasMessageContaining("docs/candidate-service.md");
    }

    @Test
    void theDefaultsMakeTheCcmRulesForEveryProgramAndAProgramSetsOnlyWhatDiffers() {
        ProgramRules<EligibilityRules> rules = rules(Map.of(CCM + "name", "Certified Case Manager (CCM)",
                ACM + "name", "Accredited Case Manager (ACM)",
                ACM + "renewal.cycle", "P4Y",
                "certboard.programs.TPX.name", "Test Program X",
                "certboard.programs.TPX.eligibility.any-supervisor-months", "6",
                "certboard.programs.TPX.eligibility.authorisation-period", "P6M"));

        for (String program : new String[] { "CCM", "ACM" }) {
            var criteria = rules.of(program).criteria();
            assertThat(criteria.requiredMonths(ExperiencePathway.ANY_SUPERVISOR_24_MONTHS)).isEqualByComparingTo("24");
            assertThat(criteria.authorisationPeriod()).isEqualTo(Period.ofMonths(12));
            assertThat(criteria.isListedLicenceType(" rn ")).isTrue();
            assertThat(criteria.isListedDegreeField("Social  Work")).isTrue();
        }
        var tpx = rules.of("TPX").criteria();
        assertThat(tpx.requiredMonths(ExperiencePathway.ANY_SUPERVISOR_24_MONTHS)).isEqualByComparingTo("6");
        assertThat(tpx.requiredMonths(ExperiencePathway.SUPERVISOR_12_MONTHS)).isEqualByComparingTo("12");
        assertThat(tpx.authorisationPeriod()).isEqualTo(Period.ofMonths(6));
    }

    private static ProgramRules<EligibilityRules> rules(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(ProgramsConfig.class).withMapping(EligibilityPrograms.class).withValidateUnknown(false)
                .build();
        return new BoardRules(new Programs(config.getConfigMapping(ProgramsConfig.class)),
                config.getConfigMapping(EligibilityPrograms.class)).eligibilityRules();
    }
}
