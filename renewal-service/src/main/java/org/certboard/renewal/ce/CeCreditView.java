package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A logged credit; {@code providerId} is null when none was named; {@code ethics} is true exactly when
 * {@code categories} hold ethics.
 */
public record CeCreditView(UUID id, String title, String provider, @Schema(nullable = true) String providerId,
        BigDecimal hours, @Schema(deprecated = true, description = "true when categories hold ethics") boolean ethics,
        List<String> categories, LocalDate completedOn) {

    static CeCreditView of(CeCredit credit) {
        return new CeCreditView(credit.id, credit.title, credit.provider, credit.providerId, credit.hours,
                credit.ethics, credit.categories(), credit.completedOn);
    }
}
