package org.certboard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Service;

/**
 * CPU time (user + system, from /proc/<pid>/stat) of each process a measurement drives: the services, Kafka,
 * PostgreSQL's backends of the run's databases, a baseline. The load generator is not among them: the runner's own
 * database connections (seeding, pollers) carry {@link #RUNNER} as their application name and are left out.
 */
final class Cpu {
    /** The application name of the runner's own connections. */
    static final String RUNNER = "certboard-bench-runner";
    static final String POSTGRES = "postgres";

    /** CPU of each process between two samples, in ms per operation, and their total. */
    record Usage(Map<String, Double> perOperation, double total) {
        /** Per process, the median of the measurements; the total is the median of their totals. */
        static Usage median(List<Usage> usages) {
            Map<String, Double> median = new LinkedHashMap<>();
            for (String process : usages.get(0).perOperation().keySet()) {
                median.put(process, Spread.of(usages.stream().map(u -> u.perOperation().getOrDefault(process, 0.0))
                        .toList()).median());
            }
            return new Usage(median, Spread.of(usages.stream().map(Usage::total).toList()).median());
        }

        /** {@code candidate 1.21, postgres 0.45 = 1.66 ms}; processes under 0.005 ms left out. */
        String compact() {
            String each = perOperation.entrySet().stream().filter(e -> e.getValue() >= 0.005)
                    .map(e -> String.format("%s %.2f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
            return String.format("%s = %.2f ms", each.isEmpty() ? "none" : each, total);
        }
    }

    /** CPU ms used so far by each named process, and by each PostgreSQL backend (pid → ms). */
    record Sample(Map<String, Long> processes, Map<Long, Long> backends) {
    }

    private final LocalStack stack;
    private final Map<String, Long> pids;
    private final boolean postgres;

    private Cpu(LocalStack stack, Map<String, Long> pids, boolean postgres) {
        this.stack = stack;
        this.pids = pids;
        this.postgres = postgres;
    }

    /** The stack's processes: the three services, its Kafka broker and PostgreSQL's backends. */
    static Cpu of(LocalStack stack) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            pids.put(service.module().replace("-service", ""), stack.process(service).pid());
        }
        // the broker is a child of this JVM (LocalStack starts it), known by its main class; read from /proc, as
        // ProcessHandle.Info leaves out a command line as long as the broker's class path
        ProcessHandle.current().descendants()
                .filter(p -> commandLine(p.pid()).contains("org.certboard.kafka.BrokerMain")).findFirst().ifPresent(p -> pids.put("kafka", p.pid()));
        return new Cpu(stack, pids, true);
    }

    private static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    /** The same processes and one more (a baseline). */
    Cpu with(String name, long pid) {
        Map<String, Long> more = new LinkedHashMap<>(pids);
        more.put(name, pid);
        return new Cpu(stack, more, postgres);
    }

    /** Only the named processes ({@link #POSTGRES} for PostgreSQL's backends). */
    Cpu only(String... names) {
        Set<String> kept = Set.of(names);
        Map<String, Long> fewer = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            if (kept.contains(name)) {
                fewer.put(name, pid);
            }
        });
        return new Cpu(stack, fewer, kept.contains(POSTGRES));
    }

    /** Whether Kafka's broker was found among this JVM's children. */
    boolean seesKafka() {
        return pids.containsKey("kafka");
    }

    Sample sample() {
        Map<String, Long> used = new LinkedHashMap<>();
        pids.forEach((name, pid) -> used.put(name, Machine.cpuMillis(pid)));
        return new Sample(used, postgres ? backends() : Map.of());
    }

    /** What each process used between the samples, per operation. */
    static Usage between(Sample before, Sample after, long operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, Long> process : after.processes().entrySet()) {
            double ms = Math.max(0, process.getValue() - before.processes().get(process.getKey()))
                    / (double) Math.max(1, operations);
            per.put(process.getKey(), ms);
            total += ms;
        }
        if (!after.backends().isEmpty() || !before.backends().isEmpty()) {
            // a backend that started in between counts from zero; one that ended in between is lost (the services'
            // pools keep theirs)
            long used = 0;
            for (Map.Entry<Long, Long> backend : after.backends().entrySet()) {
                used += Math.max(0, backend.getValue() - before.backends().getOrDefault(backend.getKey(), 0L));
            }
            double ms = used / (double) Math.max(1, operations);
            per.put(POSTGRES, ms);
            total += ms;
        }
        return new Usage(per, total);
    }

    /** Backends connected to the run's databases, but for the runner's own connections. */
    private Map<Long, Long> backends() {
        Map<Long, Long> used = new HashMap<>();
        try (Connection c = Bench.connect(stack, Service.CANDIDATE);
                PreparedStatement q = c.prepareStatement("select pid from pg_stat_activity where datname = any(?)"
                        + " and application_name is distinct from ?")) {
            Array databases = c.createArrayOf("text", java.util.Arrays.stream(Service.values())
                    .map(stack::database).toArray());
            q.setArray(1, databases);
            q.setString(2, RUNNER);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long pid = rs.getLong(1);
                    long ms = Machine.cpuMillis(pid);
                    if (ms >= 0) {
                        used.put(pid, ms);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list PostgreSQL's backends", e);
        }
        return used;
    }
}
