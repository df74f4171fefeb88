package org.certboard.devstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time to ready and RSS of each packaged service on the local stack's flags: on the stack's Java 17, on JDK 25
 * without a cache and on JDK 25 with its AOT cache, three starts each, the three ways alternating so that they share
 * the machine's load. The stack (with its training) provides Kafka, PostgreSQL and the services' configuration; its
 * own service instances are stopped first, so each measured JVM starts alone as a pod would. Needs the services
 * packaged; {@code ./mvnw -pl devstack -am test -Pbenchmark -Dtest=AotStartupBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}. Prints and writes target/benchmarks/aot-startup.md (docs/benchmarks.md).
 */
@Tag("benchmark")
class AotStartupBenchmark {
    private static final int ROUNDS = 3;

    @Test
    void startUpOnJava17OnJdk25AndOnJdk25WithTheCache() throws IOException {
        Path root = Path.of(System.getProperty("certboard.root", "..")).toAbsolutePath().normalize();
        Path out = root.resolve("devstack/target/benchmarks");
        String prefix = "aotbench_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        try (LocalStack stack = LocalStack.start(LocalStack.Options.isolated(root, out.resolve("stack"), prefix),
                line -> System.out.println("[aot-bench] " + line))) {
            AotCache jdk25 = AotCache.find(System.getenv(), AotCache.DEFAULT_HOME, ServiceProcess.LOCAL_JVM)
                    .orElseThrow(() -> new IllegalStateException("no JDK 25 to measure"));
            for (Service service : Service.values()) {
                stack.process(service).close();
            }
            Map<String, List<double[]>> runs = new LinkedHashMap<>();
            for (int round = 1; round <= ROUNDS; round++) {
                for (Service service : Service.values()) {
                    Path cache = jdk25.file(ServiceProcess.quarkusApp(root, service.module()));
                    if (!Files.isRegularFile(cache)) {
                        throw new IllegalStateException("no AOT cache at " + cache + ": its training failed");
                    }
                    Map<String, Start> ways = new LinkedHashMap<>();
                    ways.put("Java " + System.getProperty("java.version"),
                            new Start(ChildProcess.javaExecutable(), ServiceProcess.LOCAL_JVM));
                    ways.put("JDK 25, no cache", new Start(jdk25.javaExecutable().toString(), jdk25.flags()));
                    ways.put("JDK 25, AOT cache", new Start(jdk25.javaExecutable().toString(),
                            jdk25.useFlags(cache)));
                    for (var way : ways.entrySet()) {
                        double[] measured = startOnce(root, stack, service, way.getValue(),
                                out.resolve("logs").resolve(service.module() + "-" + round + "-"
                                        + way.getKey().replaceAll("[^A-Za-z0-9]+", "-") + ".log"));
                        runs.computeIfAbsent(service.module() + " | " + way.getKey(), k -> new ArrayList<>())
                                .add(measured);
                        System.out.printf("[aot-bench] round %d %s on %s: ready after %.2f s, %d MiB RSS, load %s%n",
                                round, service.module(), way.getKey(), measured[0], (long) measured[1],
                                loadAverage());
                    }
                }
            }
            finish(stack, "JVM", runs, out.resolve("aot-startup.md"));
        }
    }

    /**
     * The same for the images (deploy/local/images builds them): each image as its pod starts it, and the same image
     * with its AOT cache layer ({@link ImageTraining}, trained by the stack where missing), alternating. Writes
     * target/benchmarks/aot-image-startup.md.
     */
    @Test
    void imagesStartUpWithAndWithoutTheirCacheLayer() throws IOException {
        Path root = Path.of(System.getProperty("certboard.root", "..")).toAbsolutePath().normalize();
        Path out = root.resolve("devstack/target/benchmarks");
        String prefix = "aotimg_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        LocalStack.Options options = LocalStack.Options.isolated(root, out.resolve("stack"), prefix).withImages("local");
        try (LocalStack stack = LocalStack.start(options, line -> System.out.println("[aot-bench] " + line))) {
            for (Service service : Service.values()) {
                stack.process(service).close();
            }
            Map<String, List<double[]>> runs = new LinkedHashMap<>();
            for (int round = 1; round <= ROUNDS; round++) {
                for (Service service : Service.values()) {
                    String image = options.image(service);
                    if (!Podman.imageExists(root, image + "-aot")) {
                        throw new IllegalStateException("no image " + image + "-aot: its training failed");
                    }
                    for (String way : List.of(image, image + "-aot")) {
                        long t0 = System.nanoTime();
                        double[] measured;
                        try (ServiceProcess process = ServiceProcess.startContainer(root, service.module(), way,
                                Ports.free(), Ports.free(), stack.serviceConfig(service),
                                out.resolve("logs").resolve(service.module() + "-" + round + "-"
                                        + (way.endsWith("-aot") ? "aot" : "plain") + ".log"))) {
                            process.awaitReady(Duration.ofSeconds(180));
                            measured = new double[] { (System.nanoTime() - t0) / 1e9, process.rssMiB() };
                        }
                        runs.computeIfAbsent(service.module() + " | " + way, k -> new ArrayList<>()).add(measured);
                        System.out.printf("[aot-bench] round %d %s: ready after %.2f s, %d MiB RSS, load %s%n", round,
                                way, measured[0], (long) measured[1], loadAverage());
                    }
                }
            }
            finish(stack, "image", runs, out.resolve("aot-image-startup.md"));
        }
    }

    /** The table of {@code runs} (each "service | way"), printed and written to {@code file}; the databases dropped. */
    private static void finish(LocalStack stack, String how, Map<String, List<double[]>> runs, Path file)
            throws IOException {
        StringBuilder report = new StringBuilder()
                .append("| service | " + how + " | time to ready, median (min–max) | RSS at ready, median (min–max) |\n")
                .append("|---|---|---|---|\n");
        runs.forEach((name, measured) -> report.append(String.format("| %s | %s s (%s–%s) | %s MiB (%s–%s) |%n",
                name, fmt(median(measured, 0)), fmt(min(measured, 0)), fmt(max(measured, 0)),
                (long) median(measured, 1), (long) min(measured, 1), (long) max(measured, 1))));
        for (Service service : Service.values()) {
            stack.postgres().dropDatabase(stack.database(service));
        }
        System.out.println(report);
        Files.createDirectories(file.getParent());
        Files.writeString(file, report);
    }

    private record Start(String java, List<String> flags) {
    }

    /** Seconds from spawn to ready, RSS in MiB when ready. */
    private static double[] startOnce(Path root, LocalStack stack, Service service, Start start, Path log) {
        long t0 = System.nanoTime();
        try (ServiceProcess process = ServiceProcess.start(start.java(), root, service.module(), Ports.free(),
                Ports.free(), start.flags(), stack.serviceConfig(service), log)) {
            process.awaitReady(Duration.ofSeconds(180));
            double ready = (System.nanoTime() - t0) / 1e9;
            return new double[] { ready, process.rssMiB() };
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private static double median(List<double[]> runs, int i) {
        List<Double> values = runs.stream().map(r -> r[i]).sorted().toList();
        return values.get(values.size() / 2);
    }

    private static double min(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(r -> r[i]).min().orElseThrow();
    }

    private static double max(List<double[]> runs, int i) {
        return runs.stream().mapToDouble(r -> r[i]).max().orElseThrow();
    }

    private static String fmt(double seconds) {
        return String.format("%.2f", seconds);
    }
}
