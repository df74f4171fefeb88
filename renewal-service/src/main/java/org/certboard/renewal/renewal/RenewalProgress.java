package org.certboard.renewal.renewal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Where a certification stands toward its next renewal; {@code missing} is empty exactly when it can renew now. */
public record RenewalProgress(BigDecimal requiredHours, BigDecimal earnedHours, BigDecimal requiredEthicsHours,
        BigDecimal earnedEthicsHours, boolean licenceRequired, LocalDate windowOpensOn, LocalDate expiresOn,
        LocalDate lateRenewalEndsOn, boolean canRenew, boolean late, List<Missing> missing, UUID pendingAuditId) {
}
