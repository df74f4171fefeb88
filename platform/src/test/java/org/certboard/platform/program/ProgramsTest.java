package org.certboard.platform.program;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.certboard.platform.domain.Refusal;
import org.junit.jupiter.api.Test;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

class ProgramsTest {

    /** A service's own part of each program, as the services map it: extends the common entry. */
    @ConfigMapping(prefix = "certboard.programs")
    interface ServicePrograms {
        @WithParentName
        Map<String, ServiceProgram> programs();

        interface ServiceProgram extends ProgramEntry {
            Rules rules();
        }

        interface Rules {
            @WithDefault("500")
            int passMark();
        }
    }

    @Test
    void aProgramThatSetsOnlyItsNameGetsEveryServicesDefaultsAndOtherServicesKeysAreIgnored() {
        SmallRyeConfig config = config(Map.of(
                "certboard.programs.CCM.name", "Certified Case Manager (CCM)",
                "certboard.programs.ACM.name", "Accredited Case Manager (ACM)",
                "certboard.programs.ACM.rules.pass-mark", "70",
                "certboard.programs.ACM.renewal.cycle", "P4Y"));

        var service = config.getConfigMapping(ServicePrograms.class).programs();
        assertEquals(500, service.get("CCM").rules().passMark());
        assertEquals(70, service.get("ACM").rules().passMark());

        Programs programs = new Programs(config.getConfigMapping(ProgramsConfig.class));
        assertEquals(List.of("ACM", "CCM"), programs.all().stream().map(Program::code).toList());
        assertEquals("ACM", programs.require("ACM").numberPrefix());
        assertEquals(Refusal.Kind.NOT_FOUND, assertThrows(Refusal.class, () -> programs.require("XYZ")).kind());
    }

    @Test
    void codesAndPrefixesFollowTheRuleAndNoTwoProgramsShareAPrefix() {
        var failure = assertThrows(IllegalStateException.class, () -> new Programs(config(Map.of(
                "certboard.programs.CCM.name", "Certified Case Manager (CCM)",
                "certboard.programs.acm.name", "lower-case code",
                "certboard.programs.CDMS.name", "Disability Management Specialist",
                "certboard.programs.CDMS.number-prefix", "CCM"))
                .getConfigMapping(ProgramsConfig.class)));
        assertTrue(failure.getMessage().contains("program code 'acm'"), failure.getMessage());
        assertTrue(failure.getMessage().contains("share the number prefix CCM"), failure.getMessage());
    }

    @Test
    void eachProgramsRulesAreBuiltAtStartUpAndABadOneNamesItsProgram() {
        Programs programs = new Programs(config(Map.of("certboard.programs.CCM.name", "CCM",
                "certboard.programs.ACM.name", "ACM")).getConfigMapping(ProgramsConfig.class));
        assertEquals("rules of ACM", programs.rules(code -> "rules of " + code).of("ACM"));
        assertThrows(IllegalArgumentException.class, () -> programs.rules(code -> code).of("NCC"));

        var failure = assertThrows(IllegalStateException.class, () -> programs.rules(code -> {
            if (code.equals("ACM")) {
                throw new IllegalArgumentException("the pass mark lies outside the scale");
            }
            return code;
        }));
        assertTrue(failure.getMessage().contains("program ACM"), failure.getMessage());
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(properties, "test", 100))
                .withMapping(ProgramsConfig.class).withMapping(ServicePrograms.class).withValidateUnknown(false)
                .build();
    }
}
