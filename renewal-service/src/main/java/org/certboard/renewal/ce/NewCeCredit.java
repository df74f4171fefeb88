package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.certboard.events.CeProviderId;

/**
 * The upper bound of {@code hours} is board configuration, so it is checked by the service, not here.
 * {@code provider} is the provider's name as the person writes it; {@code providerId}, optional, the board's
 * identifier of that provider, which travels in CeCreditLogged to the provider's webhook subscription.
 */
public record NewCeCredit(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 300) String provider,
        @Size(max = CeProviderId.MAX_LENGTH) @Pattern(regexp = CeProviderId.PATTERN, message = CeProviderId.RULE)
        String providerId,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 3, fraction = 2, message = "must have at most 2 decimals") BigDecimal hours,
        @NotNull Boolean ethics,
        @NotNull LocalDate completedOn) {
}
