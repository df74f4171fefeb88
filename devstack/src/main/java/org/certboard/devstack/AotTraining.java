package org.certboard.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.certboard.devstack.scenario.TokenSource;

/**
 * The training runs of the services' AOT caches: each service started as the stack starts it (its configuration,
 * database and ports), asked what a pod is asked once started (its probes, one staff read), then stopped with
 * SIGTERM so that the JVM writes the cache as it exits. Training is the same start and stop against the stack's own
 * databases as a restart would be, so it leaves nothing a restart would not. A failure costs the cache, never the
 * stack: the service then starts without one, and a {@code .failed} file beside the cache keeps later stacks of the
 * same build from training again. {@link #cache} trains any other packaged app (the benchmarks' empty app) the same
 * way.
 */
public final class AotTraining {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** The JVM writes the cache after the app stopped: a second JVM assembles it, tens of seconds when loaded. */
    public static final Duration EXIT_GRACE = Duration.ofMinutes(3);

    /** One training run of an app: start it with these flags (output to {@code log}), ask it something, stop it. */
    @FunctionalInterface
    public interface Exercise {
        /**
         * Returns once the JVM has exited (SIGTERM, then up to {@link AotTraining#EXIT_GRACE}); what it asked,
         * for the log.
         */
        String run(List<String> trainingFlags, Path log) throws IOException;
    }

    private final AotCache aot;
    private final TrainingStack stack;

    public AotTraining(AotCache aot, TrainingStack stack) {
        this.aot = aot;
        this.stack = stack;
    }

    /** The cache of each service: present, trained now (all at once), or empty when training failed now or before. */
    public Map<Service, Optional<Path>> caches(Set<Service> services) {
        List<String> untrained = services.stream().map(Service::module).filter(module -> {
            Path cache = aot.file(ServiceProcess.quarkusApp(stack.repoRoot(), module));
            return !Files.isRegularFile(cache) && !Files.exists(failedMarker(cache));
        }).toList();
        if (!untrained.isEmpty()) {
            stack.progress().accept("training the AOT cache of " + String.join(", ", untrained)
                    + " (once per build: start, probes, one read, stop) ...");
        }
        return stack.eachAtOnce(services, service -> cache(aot, service.module(),
                ServiceProcess.quarkusApp(stack.repoRoot(), service.module()), stack.logs(), stack.progress(),
                (flags, log) -> exercise(service, flags, log)));
    }

    /**
     * The cache of the app packaged in {@code quarkusApp}: present, trained now by {@code exercise} (its log in
     * {@code logs}), or empty when training failed now or before.
     */
    public static Optional<Path> cache(AotCache aot, String name, Path quarkusApp, Path logs,
            Consumer<String> progress, Exercise exercise) {
        Path cache = aot.file(quarkusApp);
        Path failed = failedMarker(cache);
        if (Files.isRegularFile(cache)) {
            return Optional.of(cache);
        }
        if (Files.exists(failed)) {
            progress.accept(name + ": no AOT cache, its training failed for this build (" + failed
                    + "; delete it to train again)");
            return Optional.empty();
        }
        long t0 = System.nanoTime();
        Path log = logs.resolve(name + "-aot-training.log");
        // a name of its own: another stack of the same build may be training beside this one
        Path output = cache.resolveSibling(cache.getFileName() + "." + ProcessHandle.current().pid() + ".training");
        try {
            removeOlderBuildsCaches(cache, quarkusApp);
            Files.deleteIfExists(output);
            String asked = exercise.run(aot.trainingFlags(output), log);
            if (!Files.isRegularFile(output) || Files.size(output) == 0) {
                throw new IllegalStateException("the JVM wrote no cache (see " + log + ")");
            }
            Files.move(output, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            progress.accept(String.format("%s: AOT cache trained in %.1f s (%s), %d MiB, %s", name,
                    (System.nanoTime() - t0) / 1e9, asked, Files.size(cache) >> 20, cache));
            return Optional.of(cache);
        } catch (RuntimeException | IOException e) {
            String reason = e.getMessage();
            progress.accept(name + ": training its AOT cache failed (" + reason + ")");
            try {
                Files.deleteIfExists(output);
                Files.createDirectories(cache.getParent());
                Files.writeString(failed, reason + "\n");
            } catch (IOException ignored) {
                // the marker only spares later stacks a training that fails; without it they try again
            }
            return Optional.empty();
        }
    }

    /** A service started as the stack starts it, asked its probes and one staff read. */
    private String exercise(Service service, List<String> trainingFlags, Path log) {
        try (ServiceProcess process = ServiceProcess.start(aot.javaExecutable().toString(), stack.repoRoot(),
                service.module(), stack.ports().get(service), stack.managementPorts().get(service), trainingFlags,
                stack.config().apply(service), log)) {
            process.awaitReady(Duration.ofSeconds(180));
            String asked = exercise(process, service, stack.tokens());
            process.stop(EXIT_GRACE);
            return asked;
        }
    }

    /** What a pod is asked once started: its three probes, then one staff read; what it answered, for the log. */
    static String exercise(ServiceProcess process, Service service, TokenSource tokens) {
        for (String probe : List.of("/q/health/started", "/q/health/live", "/q/health/ready")) {
            process.answersOk(probe);
        }
        return "staff read answered " + staffRead(process.baseUrl() + staffReadPath(service), tokens);
    }

    /**
     * The caches, markers and training files of older builds: they will never load again. The same build's files with
     * other flags (the benchmarks' beside the local stack's) or of a training still running are newer than the build
     * and stay, so two stacks of one build never delete each other's cache.
     */
    static void removeOlderBuildsCaches(Path cache, Path quarkusApp) throws IOException {
        Files.createDirectories(cache.getParent());
        Path runner = quarkusApp.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            return;
        }
        FileTime built = Files.getLastModifiedTime(runner);
        String key = cache.getFileName().toString();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(cache.getParent(),
                file -> !file.getFileName().toString().startsWith(key))) {
            for (Path file : files) {
                if (Files.getLastModifiedTime(file).compareTo(built) < 0) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static Path failedMarker(Path cache) {
        return cache.resolveSibling(cache.getFileName() + ".failed");
    }

    /** A read a pod serves soon after it starts: staff's first page of the service's main list. */
    static String staffReadPath(Service service) {
        return switch (service) {
            case CANDIDATE -> "/candidates?size=1";
            case EXAM -> "/sittings?size=1";
            case RENEWAL -> "/certifications?size=1";
        };
    }

    private static int staffRead(String url, TokenSource tokens) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + tokens.staff()).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("staff read " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
