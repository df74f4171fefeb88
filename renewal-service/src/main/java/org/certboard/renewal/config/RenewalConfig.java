package org.certboard.renewal.config;

import java.math.BigDecimal;
import java.time.Period;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The board's renewal rules (defaults: CCMC). Validated at start-up, field by field here and as a whole by the
 * domain constructors, so a misconfigured board does not start. Documented in docs/renewal-service.md.
 */
@ConfigMapping(prefix = "certboard.renewal")
public interface RenewalConfig {

    @WithDefault("P5Y")
    Period cycle();

    /** Align expiry to {@link #fixedExpiryDates()} (first such date on or after start + cycle). */
    @WithDefault("false")
    boolean alignExpiry();

    /** MM-DD, used only when {@link #alignExpiry()} is true. */
    @WithDefault("05-31,11-30")
    @NotEmpty
    List<@Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", message = "must be MM-DD") String> fixedExpiryDates();

    /** The renewal window: the last {@code window} before expiry. */
    @WithDefault("P3M")
    Period window();

    @WithDefault("180,90,30")
    @NotEmpty
    List<@Positive Integer> reminderDays();

    /** Late renewal after expiry. */
    @WithDefault("P30D")
    Period grace();

    /** How long after expiry retired status may be chosen. */
    @WithDefault("P9M")
    Period retirementWindow();

    /** How long after retiring the certification may be reactivated. */
    @WithDefault("P5Y")
    Period reactivationWindow();

    @WithDefault("80")
    @PositiveOrZero
    BigDecimal requiredHours();

    @WithDefault("8")
    @PositiveOrZero
    BigDecimal requiredEthicsHours();

    /** Upper bound of one CE credit's hours. */
    @WithDefault("40")
    @Positive
    @DecimalMax(value = "999.99", message = "must fit the ce_credit.hours column, numeric(5,2)")
    BigDecimal maxHoursPerCredit();

    /** Share of renewals sampled for a CE audit, 0 to 1; 0 disables audits. */
    @WithDefault("0.10")
    @DecimalMin("0")
    @DecimalMax("1")
    BigDecimal auditShare();

    /**
     * How often the clock job looks for due reminders and status changes (read by its {@code @Scheduled}); a moved
     * sandbox clock triggers it at once as well.
     */
    @WithDefault("60s")
    String jobEvery();
}
