package org.certboard.renewal.config;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Positive;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * renewal-service's board-wide settings; each program's own renewal rules are {@link RenewalPrograms}. Validated at
 * start-up. Documented in docs/renewal-service.md.
 */
@ConfigMapping(prefix = "certboard.renewal")
public interface RenewalConfig {

    /** Upper bound of one CE credit's hours. */
    @WithDefault("40")
    @Positive
    @DecimalMax(value = "999.99", message = "must fit the ce_credit.hours column, numeric(5,2)")
    BigDecimal maxHoursPerCredit();

    /**
     * How often the clock job looks for due reminders and status changes (read by its {@code @Scheduled}); a moved
     * sandbox clock triggers it at once as well.
     */
    @WithDefault("60s")
    String jobEvery();
}
