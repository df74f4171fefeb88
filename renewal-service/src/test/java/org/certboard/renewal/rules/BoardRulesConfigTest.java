package org.certboard.renewal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;

import org.certboard.platform.clock.BoardConfig;
import org.certboard.renewal.config.RenewalConfig;
import org.junit.jupiter.api.Test;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Configuration becomes the domain rules; settings that contradict each other stop the service. */
class BoardRulesConfigTest {
    private final BoardRules rules = new BoardRules();

    @Test
    void defaultsAreTheCcmcRules() {
        SmallRyeConfig config = config(Map.of());
        var calendar = rules.calendar(config.getConfigMapping(RenewalConfig.class),
                config.getConfigMapping(BoardConfig.class));

        assertThat(calendar.expiryFor(LocalDate.of(2024, 2, 29))).isEqualTo(LocalDate.of(2029, 2, 28));
        assertThat(calendar.reminderDays()).containsExactly(180, 90, 30);
        assertThat(calendar.zone().getId()).isEqualTo("America/New_York");
        assertThat(rules.auditSampling(config.getConfigMapping(RenewalConfig.class)).share()).isEqualTo(0.10);
    }

    @Test
    void alignedExpiryUsesTheConfiguredDates() {
        SmallRyeConfig config = config(Map.of("certboard.renewal.align-expiry", "true",
                "certboard.renewal.fixed-expiry-dates", "03-31,09-30"));
        var calendar = rules.calendar(config.getConfigMapping(RenewalConfig.class),
                config.getConfigMapping(BoardConfig.class));

        assertThat(calendar.expiryFor(LocalDate.of(2026, 4, 1))).isEqualTo(LocalDate.of(2031, 9, 30));
    }

    @Test
    void moreEthicsHoursThanHoursIsRefused() {
        SmallRyeConfig config = config(Map.of("certboard.renewal.required-hours", "6"));

        assertThatThrownBy(() -> rules.requirements(config.getConfigMapping(RenewalConfig.class)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().withMapping(RenewalConfig.class).withMapping(BoardConfig.class)
                .withDefaultValues(properties).build();
    }
}
