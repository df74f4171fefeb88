package org.certboard.renewal.recertification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RenewalRulesTest {
    private static final RenewalRequirements CCMC = new RenewalRequirements(new BigDecimal("80"), new BigDecimal("8"));
    private static final LocalDate TODAY = LocalDate.of(2026, 5, 1);

    @Test
    void eightyHoursWithEightOfEthicsAndACurrentLicenceMeetTheRequirements() {
        assertThat(CCMC.unmet(new BigDecimal("80"), new BigDecimal("8"), true, TODAY, TODAY)).isEmpty();
        assertThat(CCMC.unmet(new BigDecimal("80"), new BigDecimal("8"), false, null, TODAY)).isEmpty();
    }

    @Test
    void eachShortfallIsListed() {
        assertThat(CCMC.unmet(new BigDecimal("79.5"), new BigDecimal("7"), true, TODAY.minusDays(1), TODAY))
                .extracting(Missing::requirement)
                .containsExactly(Missing.CE_HOURS, Missing.ETHICS_HOURS, Missing.LICENCE);
        assertThat(CCMC.unmet(BigDecimal.ZERO, BigDecimal.ZERO, true, null, TODAY).get(0).detail())
                .isEqualTo("80 more CE hours needed (0 of 80 earned in the cycle)");
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
