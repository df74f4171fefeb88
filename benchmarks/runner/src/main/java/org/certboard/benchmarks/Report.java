package org.certboard.benchmarks;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** The log of a run and its table: work, measure, goal, today's figure, ratio. */
final class Report {
    private record Row(String work, String measure, String goal, String figure, String ratio) {
    }

    private final List<String> log = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();

    synchronized void say(String line) {
        System.out.println("[bench] " + line);
        log.add(line);
    }

    synchronized void row(String work, String measure, String goal, String figure, String ratio) {
        rows.add(new Row(work, measure, goal, figure, ratio));
        say("RESULT " + work + " | " + measure + " | " + figure + " | " + ratio + " | goal " + goal);
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder("## certboard benchmarks, ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n")
                .append("| work | measure | goal | today | ratio / other side |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.work()).append(" | ").append(row.measure()).append(" | ").append(row.goal())
                    .append(" | ").append(row.figure()).append(" | ").append(row.ratio()).append(" |\n");
        }
        out.append("\n### log\n\n```\n");
        log.forEach(line -> out.append(line).append('\n'));
        return out.append("```\n").toString();
    }
}
