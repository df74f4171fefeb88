package org.certboard.renewal.ce;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record CeCreditView(UUID id, String title, String provider, BigDecimal hours, boolean ethics,
        LocalDate completedOn) {

    static CeCreditView of(CeCredit credit) {
        return new CeCreditView(credit.id, credit.title, credit.provider, credit.hours, credit.ethics,
                credit.completedOn);
    }
}
