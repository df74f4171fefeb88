package org.certboard.devstack;

import java.io.IOException;
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

/** One packaged certboard service (its quarkus-app) running in its own JVM. */
public final class ServiceProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The local stack's JVM flags: quick to start and small, at the cost of steady-state speed (C1 only). */
    public static final List<String> LOCAL_JVM = List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1");

    private final String name;
    private final int port;
    private final int managementPort;
    private final ChildProcess process;

    private ServiceProcess(String name, int port, int managementPort, ChildProcess process) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /**
     * Starts {@code module/target/quarkus-app/quarkus-run.jar} with the given configuration (as system properties) and
     * returns at once; call {@link #awaitReady(Duration)} next. Health and metrics answer on {@code managementPort}.
     */
    public static ServiceProcess start(Path repoRoot, String module, int port, int managementPort,
            List<String> jvmFlags,
            Map<String, String> config, Path log) {
        Path jar = repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        List<String> jvm = new ArrayList<>(jvmFlags);
        jvm.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort,
                "-Dcertboard.parent-pid=" + ProcessHandle.current().pid()));
        config.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        return new ServiceProcess(module, port, managementPort,
                ChildProcess.startJava(module, jvm, List.of("-jar", jar.toString()), log));
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health ({@code /q/health}) and metrics ({@code /q/metrics}). */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public void awaitReady(Duration timeout) {
        Ports.await(name + " to report ready on " + managementUrl() + "/q/health/ready", timeout, () -> {
            process.checkAlive();
            return isReady();
        });
    }

    public boolean isReady() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident memory of the service's JVM in MiB, read from /proc (Linux only; -1 elsewhere). */
    public long rssMiB() {
        return process.rssKiB() / 1024;
    }

    @Override
    public void close() {
        process.stop();
    }
}
