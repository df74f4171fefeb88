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
    /** The podman container this service runs in, or null for a plain JVM. */
    private final Container container;

    private record Container(Path repoRoot, String name, String image, PodSpec spec) {
    }

    private ServiceProcess(String name, int port, int managementPort, ChildProcess process, Container container) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.container = container;
    }

    /**
     * Starts {@code module/target/quarkus-app/quarkus-run.jar} with the given configuration (as system properties) and
     * returns at once; call {@link #awaitReady(Duration)} next. Health and metrics answer on {@code managementPort}.
     */
    public static ServiceProcess start(Path repoRoot, String module, int port, int managementPort,
            List<String> jvmFlags,
            Map<String, String> config, Path log) {
        return start(ChildProcess.javaExecutable(), repoRoot, module, port, managementPort, jvmFlags, config, log);
    }

    /** The same on the JDK of {@code java} (JDK 25, for its AOT cache). */
    static ServiceProcess start(String java, Path repoRoot, String module, int port, int managementPort,
            List<String> jvmFlags, Map<String, String> config, Path log) {
        Path jar = quarkusApp(repoRoot, module).resolve("quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw install -DskipTests)");
        }
        List<String> jvm = new ArrayList<>(jvmFlags);
        jvm.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.management.port=" + managementPort,
                "-Dcertboard.parent-pid=" + ProcessHandle.current().pid()));
        config.forEach((key, value) -> jvm.add("-D" + key + "=" + value));
        return new ServiceProcess(module, port, managementPort,
                ChildProcess.startJava(java, module, jvm, List.of("-jar", jar.toString()), log), null);
    }

    /** The packaged service (fast-jar): {@code module/target/quarkus-app}. */
    static Path quarkusApp(Path repoRoot, String module) {
        return repoRoot.resolve(module).resolve("target/quarkus-app");
    }

    /**
     * Starts {@code image} in podman as deploy/kubernetes/base runs the service ({@link PodSpec}): its user,
     * read-only root filesystem, dropped capabilities, memory limit and environment, with {@code config} (as
     * environment variables) on top and the host network's ports instead of 8080 and 9000. The container's output is
     * the log; {@link #close()} sends SIGTERM as the kubelet does (podman passes it to the JVM) and waits for it.
     */
    public static ServiceProcess startContainer(Path repoRoot, String module, String image, int port,
            int managementPort, Map<String, String> config, Path log) {
        return startContainer(repoRoot, module, image, port, managementPort, config, Map.of(), List.of(), log);
    }

    /** The same with more environment and {@code podman run} options (an AOT training run's JVM options and volume). */
    static ServiceProcess startContainer(Path repoRoot, String module, String image, int port, int managementPort,
            Map<String, String> config, Map<String, String> environment, List<String> runOptions, Path log) {
        PodSpec spec = PodSpec.of(repoRoot, module);
        String containerName = "certboard-" + module + "-" + port;
        Podman.tryCall(repoRoot, "rm", "--force", "--time", "0", containerName);
        Map<String, String> overrides = new java.util.LinkedHashMap<>();
        // no collector here: the manifests export traces to the cluster's
        overrides.put("QUARKUS_OTEL_SDK_DISABLED", "true");
        if (config.containsKey("quarkus.oidc.public-key") && !config.containsKey("quarkus.oidc.auth-server-url")) {
            // the test key stands in for the provider: an empty value unsets the ConfigMap's issuer URL
            overrides.put("QUARKUS_OIDC_AUTH_SERVER_URL", "");
        }
        config.forEach((key, value) -> overrides.put(Podman.environmentName(key), value));
        overrides.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        overrides.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
        overrides.putAll(environment);
        List<String> command = new ArrayList<>(Podman.command("run"));
        command.addAll(spec.runArguments(containerName, image, overrides, runOptions));
        return new ServiceProcess(module, port, managementPort,
                ChildProcess.start(module, command, Podman.environment(repoRoot), log),
                new Container(repoRoot, containerName, image, spec));
    }

    /** The podman container's name, when this service runs in one. */
    public java.util.Optional<String> containerName() {
        return java.util.Optional.ofNullable(container).map(Container::name);
    }

    /** The image the container runs (with its AOT cache layer when trained), when this service runs in one. */
    public java.util.Optional<String> containerImage() {
        return java.util.Optional.ofNullable(container).map(Container::image);
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

    /** The service's JVM: in a container, its PID 1 as the host sees it. */
    public long pid() {
        if (container != null) {
            Podman.Result pid = Podman.tryCall(container.repoRoot(), "inspect", "--format", "{{.State.Pid}}",
                    container.name());
            return pid.exitCode() == 0 ? Long.parseLong(pid.output().strip()) : -1;
        }
        return process.pid();
    }

    /** Waits for readiness; in a container for its manifest's three probes (started, live, ready) in turn. */
    public void awaitReady(Duration timeout) {
        Ports.await(name + " to report ready on " + managementUrl() + "/q/health/ready", timeout, () -> {
            process.checkAlive();
            if (container != null) {
                return answersOk(container.spec().startedPath()) && answersOk(container.spec().livePath())
                        && isReady();
            }
            return isReady();
        });
    }

    public boolean isReady() {
        return answersOk(container != null ? container.spec().readyPath() : "/q/health/ready");
    }

    /** True when the management interface answers 200 on {@code path} (a probe's path). */
    public boolean answersOk(String path) {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUrl() + path))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Resident memory of any process in MiB, read from /proc (Linux only; -1 elsewhere or when it is gone). */
    public static long rssMiB(long pid) {
        long kib = ChildProcess.rssKiB(pid);
        return kib < 0 ? -1 : kib / 1024;
    }

    /** Resident memory of the service's JVM in MiB, read from /proc (Linux only; -1 elsewhere). */
    public long rssMiB() {
        if (container != null) {
            long pid = pid();
            return pid > 0 ? ChildProcess.rssKiB(pid) / 1024 : -1;
        }
        return process.rssKiB() / 1024;
    }

    /** Stops the JVM and waits up to {@code grace} for it to exit (a training run writes its AOT cache then). */
    void stop(Duration grace) {
        if (container != null) {
            // SIGTERM to the container's JVM itself, as the kubelet sends it; podman's client returns with the container
            Podman.tryCall(container.repoRoot(), "kill", "--signal", "TERM", container.name());
            process.awaitExit(grace);
        } else {
            process.stop(grace);
        }
    }

    @Override
    public void close() {
        process.stop();
        if (container != null) {
            Podman.tryCall(container.repoRoot(), "rm", "--force", "--time", "0", container.name());
        }
    }
}
