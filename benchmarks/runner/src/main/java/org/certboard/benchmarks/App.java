package org.certboard.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certboard.devstack.Ports;
import org.certboard.devstack.ServiceProcess;

/**
 * One packaged Quarkus app (a service or a baseline) in its own JVM, timed from the moment it is spawned until a URL
 * answers 200: a service's readiness on its management port, a baseline's first endpoint.
 */
final class App implements AutoCloseable {
    /** The runner's own java, which the apps run on unless a start names another (JDK 25, for its AOT cache). */
    static final Path RUNNER_JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private final String name;
    private final Process process;
    private final long spawnedAt;
    private final int port;
    private final Path log;

    private App(String name, Process process, long spawnedAt, int port, Path log) {
        this.name = name;
        this.process = process;
        this.spawnedAt = spawnedAt;
        this.port = port;
        this.log = log;
    }

    static App start(String name, Path java, Path jar, List<String> jvmFlags, Map<String, String> config, Path log) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: benchmarks/run builds it");
        }
        int port = Ports.free();
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(jvmFlags);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dcertboard.parent-pid=" + ProcessHandle.current().pid());
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            long spawned = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
            return new App(name, process, spawned, port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    /** Polls {@code url} every 10 ms until it answers 200; returns the milliseconds since the JVM was spawned. */
    double awaitOk(String url, String bearer, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log);
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2));
                if (bearer != null) {
                    request.header("Authorization", "Bearer " + bearer);
                }
                if (HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - spawnedAt) / 1e6;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(10);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
    }

    /** Quarkus' own "started in" figure from the log, in milliseconds (-1 when not found). */
    double quarkusStartedMillis() {
        try {
            Matcher m = STARTED.matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) * 1000 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    long rssMiB() {
        return ServiceProcess.rssMiB(process.pid());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /** SIGTERM, then SIGKILL once {@code grace} has passed (a training run writes its AOT cache as it exits). */
    void stop(Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
