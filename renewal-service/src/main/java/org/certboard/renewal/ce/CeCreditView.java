package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A logged credit; {@code providerId} is null when none was named. */
public record CeCreditView(UUID id, String title, String provider, @Schema(nullable = true) String providerId,
        BigDecimal hours, boolean ethics, LocalDate completedOn) {

    static CeCreditView of(CeCredit credit) {
        return new CeCreditView(credit.id, credit.title, credit.provider, credit.providerId, credit.hours,
                credit.ethics, credit.completedOn);
    }
}
