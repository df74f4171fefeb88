package org.certboard.candidate.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.certboard.candidate.eligibility.ExperienceRole;

/**
 * One job (or, for the self-employed, one client firm with the billable hours averaged per week). No end date means
 * the job is ongoing; it then counts up to the submission date.
 */
@EndAfterStart
public record NewExperience(
        @NotBlank @Size(max = 200) String employer,
        @NotNull ExperienceRole role,
        @NotNull @PastOrPresent LocalDate startDate,
        LocalDate endDate,
        @NotNull @DecimalMin(value = "1", message = "must be between 1 and 80")
        @DecimalMax(value = "80", message = "must be between 1 and 80")
        @Digits(integer = 2, fraction = 2) BigDecimal hoursPerWeek,
        @NotNull Boolean supervisedByCertifiedCaseManager,
        boolean selfEmployed) {
}
