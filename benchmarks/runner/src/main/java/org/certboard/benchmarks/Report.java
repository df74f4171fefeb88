package org.certboard.benchmarks;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The log of a run and its table: work, measure, goal, today's figure, ratio, CPU per operation. A run that starts
 * with the one-minute load average above 1.0 is marked LOADED in the table and in every RESULT line: its figures
 * still print, but they are not the machine's.
 */
final class Report {
    static final double QUIET_LOAD = 1.0;

    private record Row(String work, String measure, String goal, String figure, String ratio, String cpu) {
    }

    private final List<String> log = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final double loadAtStart;

    Report(double loadAtStart) {
        this.loadAtStart = loadAtStart;
    }

    private boolean loaded() {
        return !(loadAtStart <= QUIET_LOAD);
    }

    private String mark() {
        return loaded() ? String.format("LOADED (load average %.2f at start, above %.1f) ", loadAtStart, QUIET_LOAD)
                : "";
    }

    synchronized void say(String line) {
        System.out.println("[bench] " + line);
        log.add(line);
    }

    /** The start of a scenario, with the load average then. */
    void scenario(String name) {
        say("== " + name + " | load average " + Machine.loadAverage());
    }

    synchronized void row(String work, String measure, String goal, String figure, String ratio, String cpu) {
        rows.add(new Row(work, measure, goal, figure, ratio, cpu));
        say("RESULT " + mark() + work + " | " + measure + " | " + figure + " | " + ratio + " | CPU " + cpu
                + " | goal " + goal);
    }

    synchronized String render() {
        StringBuilder out = new StringBuilder("## certboard benchmarks, ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append("\n\n");
        if (loaded()) {
            out.append("**").append(mark().trim()).append(": the machine was busy; these figures are not the"
                    + " machine's.**\n\n");
        }
        out.append("Each figure: median of three measurements (min–max); goals judged on the median. CPU: ms of CPU"
                + " time per operation of each process (services, Kafka, PostgreSQL's backends of the run's databases,"
                + " baselines), medians; the load generator excluded.\n\n")
                .append("| work | measure | goal | today | ratio / other side | CPU per operation |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            out.append("| ").append(row.work()).append(" | ").append(row.measure()).append(" | ").append(row.goal())
                    .append(" | ").append(row.figure()).append(" | ").append(row.ratio()).append(" | ")
                    .append(row.cpu()).append(" |\n");
        }
        out.append("\n### log\n\n```\n");
        log.forEach(line -> out.append(line).append('\n'));
        return out.append("```\n").toString();
    }
}
