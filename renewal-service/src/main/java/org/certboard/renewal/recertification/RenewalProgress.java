package org.certboard.renewal.recertification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a certification stands toward its next renewal; {@code missing} is empty exactly when it can renew now. */
public record RenewalProgress(BigDecimal requiredHours, BigDecimal earnedHours, BigDecimal requiredEthicsHours,
        BigDecimal earnedEthicsHours, boolean licenceRequired, LocalDate windowOpensOn, LocalDate expiresOn,
        @Schema(nullable = true) LocalDate lateRenewalEndsOn, boolean canRenew, boolean late, List<Missing> missing,
                @Schema(nullable = true) UUID pendingAuditId) {
}
