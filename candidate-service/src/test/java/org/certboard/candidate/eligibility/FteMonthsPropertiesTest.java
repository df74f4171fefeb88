package org.certboard.candidate.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the FTE count that must hold for any dates and hours, not only the table's examples. */
class FteMonthsPropertiesTest {
    private static final BigDecimal FULL_TIME = BigDecimal.valueOf(35);
    private static final LocalDate AS_OF = LocalDate.of(2026, 6, 1);

    @Provide
    Arbitrary<ExperienceEntry> entries() {
        Arbitrary<LocalDate> starts = Arbitraries.integers().between(0, 3650).map(d -> LocalDate.of(2017, 1, 1).plusDays(d));
        Arbitrary<Integer> lengths = Arbitraries.integers().between(1, 1500);
        Arbitrary<Integer> hours = Arbitraries.integers().between(1, 80);
        return Combinators.combine(starts, lengths, hours).as((start, length, h) -> new ExperienceEntry("E",
                ExperienceRole.CASE_MANAGER, start, start.plusDays(length), BigDecimal.valueOf(h), true, false));
    }

    private static BigDecimal fte(List<ExperienceEntry> entries) {
        return FteMonths.of(entries, AS_OF, FULL_TIME);
    }

    /** Concurrent part-time jobs add up, so only a full-time entry is certain to add nothing when repeated. */
    @Property(tries = 100)
    void repeatingAFullTimeEntryNeverCountsItsTimeTwice(
            @ForAll @Size(min = 1, max = 4) List<@From("entries") ExperienceEntry> entries) {
        ExperienceEntry first = entries.get(0);
        List<ExperienceEntry> fullTime = new ArrayList<>(entries);
        fullTime.set(0, new ExperienceEntry("E", first.role(), first.startDate(), first.endDate(), FULL_TIME, true,
                false));
        List<ExperienceEntry> repeated = new ArrayList<>(fullTime);
        repeated.add(fullTime.get(0));
        assertThat(fte(repeated)).isEqualByComparingTo(fte(fullTime));
    }

    @Property(tries = 100)
    void addingAnEntryNeverLowersTheCount(@ForAll @Size(max = 4) List<@From("entries") ExperienceEntry> entries,
            @ForAll("entries") ExperienceEntry more) {
        List<ExperienceEntry> all = new ArrayList<>(entries);
        all.add(more);
        assertThat(fte(all)).isGreaterThanOrEqualTo(fte(entries));
    }

    @Property(tries = 100)
    void splittingAnEntryInTwoKeepsTheCount(@ForAll("entries") ExperienceEntry entry, @ForAll @IntRange(min = 0, max = 1499) int at) {
        LocalDate split = entry.startDate().plusDays(at);
        if (!split.isBefore(entry.endDate())) {
            return;
        }
        List<ExperienceEntry> halves = List.of(
                new ExperienceEntry("E", entry.role(), entry.startDate(), split, entry.hoursPerWeek(), true, false),
                new ExperienceEntry("E", entry.role(), split.plusDays(1), entry.endDate(), entry.hoursPerWeek(), true, false));
        assertThat(fte(halves)).isEqualByComparingTo(fte(List.of(entry)));
    }

    @Property(tries = 100)
    void neverMoreThanFullTimeFromTheFirstStart(@ForAll @Size(min = 1, max = 5) List<@From("entries") ExperienceEntry> entries) {
        LocalDate first = entries.stream().map(ExperienceEntry::startDate).min(LocalDate::compareTo).orElseThrow();
        ExperienceEntry everything = new ExperienceEntry("E", ExperienceRole.CASE_MANAGER, first, null, FULL_TIME, true,
                false);
        assertThat(fte(entries)).isLessThanOrEqualTo(fte(List.of(everything)));
    }

    @Property(tries = 100)
    void wholeCalendarMonthsFullTimeCountExactly(@ForAll @IntRange(min = 1, max = 60) int months,
            @ForAll @IntRange(min = 35, max = 80) int hours) {
        LocalDate end = AS_OF.withDayOfMonth(1).minusDays(1);
        LocalDate start = end.plusDays(1).minusMonths(months);
        ExperienceEntry entry = new ExperienceEntry("E", ExperienceRole.CASE_MANAGER, start, end,
                BigDecimal.valueOf(hours), true, false);
        assertThat(fte(List.of(entry))).isEqualByComparingTo(BigDecimal.valueOf(months));
    }
}
