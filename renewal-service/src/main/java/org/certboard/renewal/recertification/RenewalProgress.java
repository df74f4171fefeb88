package org.certboard.renewal.recertification;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Where a certification stands toward its next renewal; {@code missing} is empty exactly when it can renew now.
 * {@code categories} are the program's CE category minimums and the hours earned toward each;
 * {@code requiredEthicsHours} and {@code earnedEthicsHours} are the ethics category's figures (0 when the program has
 * none), kept for clients of the single-program era.
 */
public record RenewalProgress(String program, BigDecimal requiredHours, BigDecimal earnedHours,
        @Schema(deprecated = true, description = "The ethics category's minimum (0 when the program has none): read "
                + "categories") BigDecimal requiredEthicsHours,
        @Schema(deprecated = true, description = "Hours earned toward the ethics category: read categories")
        BigDecimal earnedEthicsHours,
        List<CategoryProgress> categories, boolean licenceRequired, LocalDate windowOpensOn, LocalDate expiresOn,
        @Schema(nullable = true) LocalDate lateRenewalEndsOn, boolean canRenew, boolean late, List<Missing> missing,
        @Schema(nullable = true) UUID pendingAuditId) {

    /** One CE category of the program: its minimum and the hours earned toward it in the period. */
    @Schema(name = "CeCategoryProgress")
    public record CategoryProgress(String category, BigDecimal requiredHours, BigDecimal earnedHours) {
    }
}
