package org.certboard.candidate.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One employment (or, when {@code selfEmployed}, one client engagement). Both dates are inclusive; a missing end date
 * means the job is ongoing. Self-employed candidates give their billable hours as an average per week.
 */
public record ExperienceEntry(String employer, ExperienceRole role, LocalDate startDate, LocalDate endDate,
        BigDecimal hoursPerWeek, boolean supervisedByCertifiedCaseManager, boolean selfEmployed) {
}
