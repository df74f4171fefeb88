package org.certboard.benchmarks;

import java.util.List;

/** Three (or more) measurements of one figure: the median, which goals are judged on, and the spread. */
record Spread(double median, double min, double max) {
    static Spread of(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return new Spread(sorted.get(sorted.size() / 2), sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /** The median then the spread, each in {@code format}: {@code 731 (700–760)}. */
    String format(String format) {
        return format(format, "");
    }

    /** The same with a unit after the median: {@code 0.65× (0.63–0.72)}. */
    String format(String format, String unit) {
        return String.format(format + unit + " (" + format + "–" + format + ")", median, min, max);
    }
}
