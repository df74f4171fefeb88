package org.certboard.renewal.config;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import org.certboard.platform.program.ProgramEntry;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * renewal-service's part of each credential program, {@code certboard.programs.<code>.*} (defaults: CCMC's CCM).
 * Validated at start-up, field by field here and as a whole by the domain constructors, so a misconfigured program
 * stops the service with its code in the message. Documented in docs/renewal-service.md and docs/programs.md.
 */
@ConfigMapping(prefix = "certboard.programs")
public interface RenewalPrograms {

    @WithParentName
    Map<String, RenewalProgram> programs();

    interface RenewalProgram extends ProgramEntry {
        Renewal renewal();

        Ce ce();

        Achievement achievement();
    }

    /** The program's renewal calendar and audit share. */
    interface Renewal {
        @WithDefault("P5Y")
        Period cycle();

        /** Align expiry to {@link #fixedExpiryDates()} (first such date on or after start + cycle). */
        @WithDefault("false")
        boolean alignExpiry();

        /** MM-DD, used only when {@link #alignExpiry()} is true. */
        @WithDefault("05-31,11-30")
        @NotEmpty
        List<@Pattern(regexp = "(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", message = "must be MM-DD") String>
                fixedExpiryDates();

        /** The renewal window: the last {@code window} before expiry. */
        @WithDefault("P3M")
        Period window();

        @WithDefault("180,90,30")
        @NotEmpty
        List<@Positive Integer> reminderDays();

        /** Late renewal after expiry; P0D: none, expiry is the last day. */
        @WithDefault("P30D")
        Period grace();

        /** How long after expiry retired status may be chosen. */
        @WithDefault("P9M")
        Period retirementWindow();

        /** How long after retiring the certification may be reactivated. */
        @WithDefault("P5Y")
        Period reactivationWindow();

        /** Share of CE renewals sampled for a CE audit, 0 to 1; 0 disables audits. */
        @WithDefault("0.10")
        @DecimalMin("0")
        @DecimalMax("1")
        BigDecimal auditShare();
    }

    /** The program's CE requirement per cycle. */
    interface Ce {
        @WithDefault("80")
        @PositiveOrZero
        BigDecimal requiredHours();

        /**
         * Minimum hours per named CE category ({@code ce.categories.ethics=8}); none by default (CCM's ethics minimum
         * is set in application.properties). The codes follow {@link org.certboard.events.CeCategory}.
         */
        Map<String, @PositiveOrZero BigDecimal> categories();
    }

    /** What the program's Open Badges 3.0 credentials state about the achievement. */
    interface Achievement {
        /** The program's name when unset (a blank one is refused by the domain, naming the program). */
        Optional<String> name();

        @WithDefault("The holder met the board's education, licence and case-management experience requirements, "
                + "passed the board's certification examination and keeps the certification current through "
                + "continuing education.")
        @NotBlank
        String description();

        @WithDefault("Eligibility approved by the board, a passed certification examination, and renewal every five "
                + "years by continuing education or re-examination.")
        @NotBlank
        String criteria();

        /** An image of the badge (https URL), stated as the achievement's image; none when unset. */
        Optional<URI> image();
    }
}
