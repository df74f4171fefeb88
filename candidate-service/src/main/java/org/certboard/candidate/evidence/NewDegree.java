package org.certboard.candidate.evidence;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import org.certboard.candidate.eligibility.DegreeLevel;

public record NewDegree(
        @NotNull DegreeLevel level,
        @NotBlank @Size(max = 100) String field,
        @NotBlank @Size(max = 200) String institution,
        @NotNull @PastOrPresent LocalDate awardedOn,
        @NotNull Boolean supervisedFieldExperience) {
}
