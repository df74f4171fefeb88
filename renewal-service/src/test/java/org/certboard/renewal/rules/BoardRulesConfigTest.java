package org.certboard.renewal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.certboard.platform.program.ProgramsConfig;
import org.certboard.platform.program.Programs;
import org.certboard.renewal.config.RenewalPrograms;
import org.certboard.renewal.config.RenewalPrograms.RenewalProgram;
import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Each program's configuration ({@code certboard.programs.<code>.*}) becomes its domain rules; settings that
 * contradict each other stop the service, naming the program.
 */
class BoardRulesConfigTest {
    private static final ZoneId BOARD = ZoneId.of("America/New_York");

    @Test
    void defaultsAreTheCcmcRules() {
        RenewalProgram ccm = program(Map.of("certboard.programs.CCM.ce.categories.ethics", "8"), "CCM");
        var calendar = BoardRules.calendar(ccm, BOARD);

        assertThat(calendar.expiryFor(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(calendar.reminderDays()).containsExactly(180, 90, 30);
        assertThat(calendar.grace()).isEqualTo(Period.ofDays(30));
        assertThat(BoardRules.auditSampling(ccm).share()).isEqualTo(0.10);
        assertThat(BoardRules.requirements(ccm).requiredHours()).isEqualByComparingTo("80");
        assertThat(BoardRules.requirements(ccm).categoryMinimums()).containsOnlyKeys("ethics");
        var achievement = BoardRules.achievement("CCM", ccm);
        assertThat(achievement.name()).isEqualTo("Certified Case Manager (CCM)");
        assertThat(achievement.criteria()).contains("every five years");
        assertThat(achievement.image()).isEmpty();
    }

    @Test
    void anotherProgramSetsOnlyWhatDiffersAndKeepsTheOtherDefaults() {
        RenewalProgram acm = program(Map.of("certboard.programs.ACM.name", "Accredited Case Manager (ACM)",
                "certboard.programs.ACM.renewal.cycle", "P4Y", "certboard.programs.ACM.renewal.grace", "P0D",
                "certboard.programs.ACM.ce.required-hours", "40",
                "certboard.programs.ACM.ce.categories.case-management", "30",
                "certboard.programs.ACM.achievement.image", "https://verify.board.example/acm.png"), "ACM");
        var calendar = BoardRules.calendar(acm, BOARD);

        assertThat(calendar.expiryFor(LocalDate.of(2028, 2, 29))).isEqualTo(LocalDate.of(2032, 2, 29));
        assertThat(calendar.allowsLateRenewal()).isFalse();
        assertThat(calendar.window()).isEqualTo(Period.ofMonths(3));
        assertThat(BoardRules.requirements(acm).categoryMinimums())
                .containsExactlyEntriesOf(Map.of("case-management", new BigDecimal("30")));
        assertThat(BoardRules.achievement("ACM", acm).name()).isEqualTo("Accredited Case Manager (ACM)");
        assertThat(BoardRules.achievement("ACM", acm).image()).contains(URI.create("https://verify.board.example/acm.png"));
    }

    @Test
    void alignedExpiryUsesTheConfiguredDates() {
        RenewalProgram ccm = program(Map.of("certboard.programs.CCM.renewal.align-expiry", "true",
                "certboard.programs.CCM.renewal.fixed-expiry-dates", "03-31,09-30"), "CCM");

        assertThat(BoardRules.calendar(ccm, BOARD).expiryFor(LocalDate.of(2026, 4, 1)))
                .isEqualTo(LocalDate.of(2031, 9, 30));
    }

    @Test
    void moreCategoryHoursThanHoursStopsTheServiceNamingTheProgram() {
        SmallRyeConfig config = config(Map.of("certboard.programs.CCM.ce.required-hours", "6",
                "certboard.programs.CCM.ce.categories.ethics", "8"));
        Programs programs = new Programs(config.getConfigMapping(ProgramsConfig.class));

        assertThatThrownBy(() -> new BoardRules().requirements(programs,
                config.getConfigMapping(RenewalPrograms.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("program CCM")
                .hasMessageContaining("ce.categories.ethics");
    }

    private static RenewalProgram program(Map<String, String> properties, String code) {
        return config(properties).getConfigMapping(RenewalPrograms.class).programs().get(code);
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        Map<String, String> withCcm = new HashMap<>(properties);
        withCcm.putIfAbsent("certboard.programs.CCM.name", "Certified Case Manager (CCM)");
        return new SmallRyeConfigBuilder().withMapping(RenewalPrograms.class).withMapping(ProgramsConfig.class)
                .withDefaultValues(withCcm).build();
    }
}
