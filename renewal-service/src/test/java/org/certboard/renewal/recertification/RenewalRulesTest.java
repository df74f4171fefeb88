package org.certboard.renewal.recertification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RenewalRulesTest {
    private static final RenewalRequirements CCMC = new RenewalRequirements(new BigDecimal("80"),
            Map.of("ethics", new BigDecimal("8")));
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    private static Map<String, BigDecimal> ethics(BigDecimal hours) {
        return Map.of("ethics", hours);
    }

    @Test
    void eightyHoursWithEightOfEthicsAndACurrentLicenceMeetTheRequirements() {
        assertThat(CCMC.unmet(new BigDecimal("80"), ethics(new BigDecimal("8")), true, TODAY, TODAY)).isEmpty();
        assertThat(CCMC.unmet(new BigDecimal("80"), ethics(new BigDecimal("8")), false, null, TODAY)).isEmpty();
    }

    @Test
    void eachShortfallIsListed() {
        assertThat(CCMC.unmet(new BigDecimal("79.5"), ethics(new BigDecimal("7")), true, TODAY.minusDays(1), TODAY))
                .extracting(Missing::requirement)
                .containsExactly(Missing.CE_HOURS, Missing.ETHICS_HOURS, Missing.LICENCE);
        assertThat(CCMC.unmet(BigDecimal.ZERO, ethics(BigDecimal.ZERO), true, null, TODAY).get(0).detail())
                .isEqualTo("80 more CE hours needed (0 of 80 earned in the cycle)");
    }

    /** ACM: 40 hours, at least 30 of them in case management; no ethics minimum. */
    private static final RenewalRequirements ACM = new RenewalRequirements(new BigDecimal("40"),
            Map.of("case-management", new BigDecimal("30")));

    @Test
    void acmNeedsItsTotalAndItsCategoryMinimumAndTheMissingCategoryIsNamed() {
        assertThat(ACM.unmet(new BigDecimal("40"), Map.of("case-management", new BigDecimal("30")), false, null,
                TODAY)).isEmpty();

        var missing = ACM.unmet(new BigDecimal("40"), Map.of("case-management", new BigDecimal("20"),
                "ethics", new BigDecimal("20")), false, null, TODAY);

        assertThat(missing).containsExactly(new Missing(Missing.CATEGORY_HOURS,
                "10 more case-management hours needed (20 of 30 earned in the cycle)", "case-management"));
    }

    @Test
    void aCategoryMinimumAboveTheTotalOrACategoryCodeOutsideTheRuleIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RenewalRequirements(new BigDecimal("40"),
                Map.of("case-management", new BigDecimal("41")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ce.categories.case-management");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RenewalRequirements(new BigDecimal("40"),
                Map.of("Case_Management", BigDecimal.ONE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Case_Management");
    }

    @Test
    void auditSamplingIsDeterministicAndHitsAboutTheConfiguredShare() {
        Random random = new Random(42);
        var candidates = IntStream.range(0, 20_000).mapToObj(i -> new UUID(random.nextLong(), random.nextLong()))
                .toList();
        AuditSampling tenPercent = new AuditSampling(0.10);

        long audited = candidates.stream().filter(c -> tenPercent.selects(c, TODAY)).count();

        assertThat(audited).isBetween(1_700L, 2_300L);
        assertThat(candidates).allMatch(c -> tenPercent.selects(c, TODAY) == tenPercent.selects(c, TODAY));
        assertThat(candidates).noneMatch(c -> new AuditSampling(0).selects(c, TODAY));
        assertThat(candidates).allMatch(c -> new AuditSampling(1).selects(c, TODAY));
    }
}
