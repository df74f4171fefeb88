package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.certboard.events.CeCategory;
import org.certboard.events.CeProviderId;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The upper bound of {@code hours} is board configuration, so it is checked by the service, not here.
 * {@code provider} is the provider's name as the person writes it; {@code providerId}, optional, the board's
 * identifier of that provider, which travels in CeCreditLogged to the provider's webhook subscription.
 * {@code categories}, optional, are the CE categories of the certification's program the credit counts toward;
 * {@code ethics}, the single-program era's flag, is an alias: true adds ethics.
 */
public record NewCeCredit(
        @NotBlank @Size(max = 300) String title,
        @NotBlank @Size(max = 300) String provider,
        @Size(max = CeProviderId.MAX_LENGTH) @Pattern(regexp = CeProviderId.PATTERN, message = CeProviderId.RULE)
        String providerId,
        @NotNull @DecimalMin(value = "0", inclusive = false, message = "must be more than 0")
        @Digits(integer = 3, fraction = 2, message = "must have at most 2 decimals") BigDecimal hours,
        @Schema(deprecated = true, nullable = true,
                description = "true counts the credit toward ethics, as categories [\"ethics\"] does")
        Boolean ethics,
        @Schema(nullable = true, description = "CE categories of the certification's program the credit counts "
                + "toward (e.g. ethics, case-management); none: the total only")
        @Size(max = 20) List<@NotNull @Pattern(regexp = CeCategory.PATTERN, message = CeCategory.RULE) String>
        categories,
        @NotNull LocalDate completedOn) {

    /** The categories named, ethics included when the deprecated flag says so. */
    List<String> namedCategories() {
        List<String> named = new ArrayList<>(categories == null ? List.of() : categories);
        if (Boolean.TRUE.equals(ethics) && !named.contains(CeCategory.ETHICS)) {
            named.add(CeCategory.ETHICS);
        }
        return named.stream().distinct().sorted().toList();
    }
}
