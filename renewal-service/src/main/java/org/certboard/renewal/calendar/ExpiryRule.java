package org.certboard.renewal.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.util.Comparator;
import java.util.List;

/** How a cycle's expiry date follows from its start date. */
public sealed interface ExpiryRule {

    LocalDate expiryFor(LocalDate cycleStart);

    Period cycle();

    /**
     * Start + cycle length. {@link LocalDate#plus} clamps to the last valid day, so 29 February + 5 years is
     * 28 February: the certificant never gets a day more than the cycle.
     */
    record AddCycle(Period cycle) implements ExpiryRule {
        public AddCycle {
            requirePositive(cycle);
        }

        @Override
        public LocalDate expiryFor(LocalDate cycleStart) {
            return cycleStart.plus(cycle);
        }
    }

    /**
     * The first of the board's fixed dates (e.g. 31 May, 30 November) on or after start + cycle length: boards that
     * batch renewals into a few deadlines a year. The cycle is therefore never shorter than the plain rule's.
     */
    record AlignToDates(Period cycle, List<MonthDay> dates) implements ExpiryRule {
        public AlignToDates {
            requirePositive(cycle);
            if (dates == null || dates.isEmpty()) {
                throw new IllegalArgumentException("aligned expiry needs at least one fixed date");
            }
            dates = dates.stream().sorted().distinct().toList();
        }

        @Override
        public LocalDate expiryFor(LocalDate cycleStart) {
            LocalDate earliest = cycleStart.plus(cycle);
            // some fixed date falls within a year of any day, so this year's and next year's cover every case
            return java.util.stream.Stream.of(earliest.getYear(), earliest.getYear() + 1)
                    .flatMap(year -> dates.stream().map(date -> date.atYear(year)))
                    .filter(candidate -> !candidate.isBefore(earliest))
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
        }
    }

    private static void requirePositive(Period cycle) {
        if (cycle == null || cycle.isNegative() || cycle.isZero()) {
            throw new IllegalArgumentException("the cycle length must be positive, not " + cycle);
        }
    }
}
