package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The upper bound of {@code hours} is board configuration, so it is checked by the service, not here. */
public record NewCeCredit(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 300) String provider,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 3, fraction = 2, message = "must have at most 2 decimals") BigDecimal hours,
        @NotNull Boolean ethics,
        @NotNull LocalDate completedOn) {
}
