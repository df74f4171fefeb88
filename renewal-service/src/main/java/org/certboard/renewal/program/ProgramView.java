package org.certboard.renewal.program;

import java.math.BigDecimal;
import java.util.List;

import org.certboard.platform.program.Program;
import org.certboard.renewal.calendar.RenewalCalendar;
import org.certboard.renewal.credential.Achievement;
import org.certboard.renewal.recertification.RenewalRequirements;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A credential program's public rules: what front ends show before someone applies, beside the verification page.
 * Periods are ISO 8601 ({@code P5Y}); {@code lateRenewal} is null when the program has none.
 */
@Schema(name = "Program")
public record ProgramView(String code, String name, @Schema(nullable = true) String description, String numberPrefix,
        @Schema(description = "The cycle's length, ISO 8601 (P5Y)") String cycle, BigDecimal ceRequiredHours,
        List<CeCategoryMinimum> ceCategories,
        @Schema(description = "The renewal window before expiry, ISO 8601 (P3M)") String renewalWindow,
        @Schema(nullable = true, description = "Late renewal after expiry, ISO 8601 (P30D); null: none")
        String lateRenewal,
        AchievementView achievement) {

    @Schema(name = "ProgramCeCategory")
    public record CeCategoryMinimum(String category, BigDecimal minimumHours) {
    }

    /** What the program's Open Badges credentials state. */
    @Schema(name = "ProgramAchievement")
    public record AchievementView(String name, String description, String criteria,
            @Schema(nullable = true) String image) {
    }

    static ProgramView of(Program program, RenewalCalendar calendar, RenewalRequirements requirements,
            Achievement achievement) {
        return new ProgramView(program.code(), program.name(), program.description().orElse(null),
                program.numberPrefix(), calendar.expiryRule().cycle().toString(), requirements.requiredHours(),
                requirements.categoryMinimums().entrySet().stream()
                        .map(minimum -> new CeCategoryMinimum(minimum.getKey(), minimum.getValue())).toList(),
                calendar.window().toString(), calendar.allowsLateRenewal() ? calendar.grace().toString() : null,
                new AchievementView(achievement.name(), achievement.description(), achievement.criteria(),
                        achievement.image().map(Object::toString).orElse(null)));
    }
}
