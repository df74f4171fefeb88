package org.certboard.candidate.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FteMonthsTest {
    private static final BigDecimal FULL_TIME = BigDecimal.valueOf(35);

    /** Entries are "start/end/hours" separated by ';'; an empty end means ongoing. */
    @ParameterizedTest(name = "{0} as of {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            2025-01-01/2025-12-31/35                         | 2026-06-01 | 12
            2025-01-01/2025-12-31/40                         | 2026-06-01 | 12
            2025-01-15/2026-01-14/35                         | 2026-06-01 | 12
            2025-01-01/2025-12-28/35                         | 2026-06-01 | 11.9032
            2025-01-01/2025-12-31/17.5                       | 2026-06-01 | 6
            2025-01-01/2025-12-31/35;2025-01-01/2025-12-31/35 | 2026-06-01 | 12
            2025-01-01/2025-12-31/20;2025-07-01/2026-06-30/20 | 2027-01-01 | 12.8571
            2025-01-01//35                                   | 2025-12-31 | 12
            2025-01-01/2026-12-31/35                         | 2025-06-30 | 6
            2027-01-01/2027-12-31/35                         | 2026-06-01 | 0
            """)
    void countsFullTimeEquivalentMonths(String entries, LocalDate asOf, BigDecimal expected) {
        assertThat(FteMonths.of(parse(entries), asOf, FULL_TIME)).isEqualByComparingTo(expected);
    }

    static List<ExperienceEntry> parse(String entries) {
        List<ExperienceEntry> list = new ArrayList<>();
        for (String entry : entries.split(";")) {
            String[] parts = entry.trim().split("/", -1);
            list.add(new ExperienceEntry("Employer", ExperienceRole.CASE_MANAGER, LocalDate.parse(parts[0]),
                    parts[1].isEmpty() ? null : LocalDate.parse(parts[1]), new BigDecimal(parts[2]), true, false));
        }
        return list;
    }
}
