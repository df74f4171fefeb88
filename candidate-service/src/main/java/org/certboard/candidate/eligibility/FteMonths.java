package org.certboard.candidate.eligibility;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Full-time-equivalent months of experience as of a date.
 *
 * <p>Counted day by day so that overlapping entries never count the same day twice: on each day the hours of every
 * entry covering it are added (each entry at most full time) and capped at full time. A calendar month fully worked
 * full time is exactly one month, whatever its length, so twelve whole months are exactly 12 and never 11.99.
 * Days after {@code asOf} do not count.
 */
public final class FteMonths {
    private static final int SCALE = 4;

    private FteMonths() {
    }

    public static BigDecimal of(List<ExperienceEntry> entries, LocalDate asOf, BigDecimal fullTimeHoursPerWeek) {
        Map<YearMonth, BigDecimal> hourDaysByMonth = new TreeMap<>();
        LocalDate first = entries.stream().map(ExperienceEntry::startDate).min(LocalDate::compareTo).orElse(asOf);
        for (LocalDate day = first; !day.isAfter(asOf); day = day.plusDays(1)) {
            BigDecimal hours = BigDecimal.ZERO;
            for (ExperienceEntry entry : entries) {
                if (covers(entry, day)) {
                    hours = hours.add(entry.hoursPerWeek().min(fullTimeHoursPerWeek));
                }
            }
            if (hours.signum() > 0) {
                hourDaysByMonth.merge(YearMonth.from(day), hours.min(fullTimeHoursPerWeek), BigDecimal::add);
            }
        }
        BigDecimal months = BigDecimal.ZERO;
        for (Map.Entry<YearMonth, BigDecimal> month : hourDaysByMonth.entrySet()) {
            BigDecimal fullMonth = fullTimeHoursPerWeek.multiply(BigDecimal.valueOf(month.getKey().lengthOfMonth()));
            months = months.add(month.getValue().divide(fullMonth, MathContext.DECIMAL64));
        }
        return months.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static boolean covers(ExperienceEntry entry, LocalDate day) {
        return !day.isBefore(entry.startDate()) && (entry.endDate() == null || !day.isAfter(entry.endDate()));
    }
}
