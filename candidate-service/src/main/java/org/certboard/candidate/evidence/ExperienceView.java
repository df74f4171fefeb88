package org.certboard.candidate.evidence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.certboard.candidate.eligibility.ExperienceRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record ExperienceView(UUID id, String employer, ExperienceRole role, LocalDate startDate,
        @Schema(nullable = true) LocalDate endDate,
        BigDecimal hoursPerWeek, boolean supervisedByCertifiedCaseManager, boolean selfEmployed) {

    static ExperienceView of(Experience e) {
        return new ExperienceView(e.id, e.employer, e.role, e.startDate, e.endDate, e.hoursPerWeek,
                e.supervisedByCertifiedCaseManager, e.selfEmployed);
    }
}
