package org.certboard.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The image pipeline's training step: each service's image gets its JDK AOT cache (JEP 483/514/515) in one layer of
 * its own, {@code <image>-aot}. The cache is trained in two runs of the image itself, with its manifest's settings
 * (user, memory limit, read-only root, {@code JAVA_OPTS_APPEND}), so the JVM that uses it finds the flags and class
 * path it was trained with:
 * <ol>
 * <li>record: the image started as its pod starts against this stack, asked its probes and one staff read, then
 * stopped with SIGTERM; the JVM writes what it loaded and linked as it exits;</li>
 * <li>create: the same image and flags assemble the cache from that record and exit, without starting the service.</li>
 * </ol>
 * The layer adds the cache and {@code JDK_JAVA_OPTIONS=-XX:AOTCache=…}, which the {@code java} launcher reads whatever
 * the entry point (Jib's, or ubi9's {@code run-java}). The label {@value #KEY_LABEL} keys the trained image to its
 * source image and the manifest's JVM flags: either changes, and the next stack trains anew. A JVM whose flags no
 * longer fit the cache starts without it (the default {@code -XX:AOTMode=auto}), as does a service whose training
 * failed here: the stack then runs the untrained image and says why.
 */
final class ImageTraining {
    static final String CACHE = "/home/jboss/app.aot";
    static final String KEY_LABEL = "org.certboard.aot.key";

    private final TrainingStack stack;
    private final Path workDir;

    /** {@code workDir}: each service's record and cache while it trains. */
    ImageTraining(TrainingStack stack, Path workDir) {
        this.stack = stack;
        this.workDir = workDir;
    }

    /** The image each service runs: its trained image (trained now, all at once, where missing), else its own. */
    Map<Service, String> images(Map<Service, String> sources) {
        return stack.eachAtOnce(sources.keySet(), service -> trained(service, sources.get(service)));
    }

    private String trained(Service service, String source) {
        String module = service.module();
        String target = source + "-aot";
        try {
            PodSpec spec = PodSpec.of(stack.repoRoot(), module);
            String key = key(Podman.call(stack.repoRoot(), "image", "inspect", "--format", "{{.Id}}", source), spec);
            if (!key.equals(label(target))) {
                stack.progress().accept(module + ": training the AOT cache of " + source
                        + " (once per image: start, probes, one read, stop, then the cache's assembly) ...");
                train(service, spec, source, target, key);
            }
            return target;
        } catch (RuntimeException | IOException e) {
            stack.progress().accept(module + ": training the AOT cache of " + source + " failed (" + e.getMessage()
                    + "); it runs without one");
            return source;
        }
    }

    /** Record, create, then the layer: {@code target}, {@code source} with the cache. */
    private void train(Service service, PodSpec spec, String source, String target, String key) throws IOException {
        String module = service.module();
        long t0 = System.nanoTime();
        Path dir = workDir.resolve(module);
        deleteTree(dir);
        Files.createDirectories(dir);
        // the image's user (185) writes the record and the cache here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        // The JVM dumps what it recorded beside its heap, more than the pod's limit holds: the training runs get
        // twice the memory, and MaxRAM keeps the JVM's ergonomics (heap, collector) those of the pod.
        String podMemory = PodSpec.podmanSize(spec.memoryLimit());
        List<String> options = List.of("--volume", dir + ":/aot", "--memory", doubled(podMemory));
        String jvm = "-XX:MaxRAM=" + podMemory + " -XX:AOTConfiguration=/aot/app.aotconf ";
        Path log = stack.logs().resolve(module + "-aot-training.log");
        String asked = record(service, source, jvm + "-XX:AOTMode=record", options, log);
        Podman.Result create = Podman.tryCall(stack.repoRoot(), runArguments(spec, module + "-aot-create",
                source, jvm + "-XX:AOTMode=create -XX:AOTCache=/aot/app.aot", options));
        Files.writeString(log, "\n--- create ---\n" + create.output() + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Path cache = dir.resolve("app.aot");
        if (create.exitCode() != 0 || !Files.isRegularFile(cache) || Files.size(cache) == 0) {
            throw new IllegalStateException("the JVM assembled no cache (exit " + create.exitCode() + ", see " + log
                    + ")");
        }
        Files.delete(dir.resolve("app.aotconf"));
        Files.writeString(dir.resolve("Containerfile"), containerfile(source, key));
        Podman.Result build = Podman.tryCall(stack.repoRoot(), "build", "--quiet", "--tag", target,
                "--file", dir.resolve("Containerfile").toString(), dir.toString());
        if (build.exitCode() != 0) {
            throw new IllegalStateException("podman build failed: " + build.output());
        }
        stack.progress().accept(String.format("%s: image %s trained in %.1f s (%s), cache %d MiB", module, target,
                (System.nanoTime() - t0) / 1e9, asked, Files.size(cache) >> 20));
        deleteTree(dir);
    }

    /** The record run: the image started as its pod starts, asked what a pod is asked once started, stopped. */
    private String record(Service service, String image, String jvmOptions, List<String> runOptions, Path log) {
        try (ServiceProcess process = ServiceProcess.startContainer(stack.repoRoot(), service.module(), image,
                stack.ports().get(service), stack.managementPorts().get(service), stack.config().apply(service),
                Map.of("JDK_JAVA_OPTIONS", jvmOptions), runOptions, log)) {
            process.awaitReady(Duration.ofSeconds(180));
            String asked = AotTraining.exercise(process, service, stack.tokens());
            process.stop(AotTraining.EXIT_GRACE);
            return asked;
        }
    }

    /** A podman size (512m, 1g) twice over, in MiB. */
    static String doubled(String podmanSize) {
        long mib = Long.parseLong(podmanSize.substring(0, podmanSize.length() - 1));
        return (podmanSize.endsWith("g") ? mib * 2048 : mib * 2) + "m";
    }

    /** {@code podman run} of {@code image} with its manifest's settings, these JVM options and the volume. */
    private static String[] runArguments(PodSpec spec, String name, String image, String jvmOptions,
            List<String> runOptions) {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(spec.runArguments("certboard-" + name, image, Map.of("JDK_JAVA_OPTIONS", jvmOptions),
                runOptions));
        return args.toArray(String[]::new);
    }

    /** The layer on top of {@code source}: the cache, the launcher's option that uses it, and the key. */
    static String containerfile(String source, String key) {
        return "FROM " + source + "\n"
                + "COPY app.aot " + CACHE + "\n"
                + "ENV JDK_JAVA_OPTIONS=-XX:AOTCache=" + CACHE + "\n"
                + "LABEL " + KEY_LABEL + "=" + key + "\n";
    }

    /** What the cache depends on: the source image (its JDK and jars) and the flags the manifest gives the JVM. */
    static String key(String imageId, PodSpec spec) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((imageId.strip() + "\n" + spec.environment().getOrDefault("JAVA_OPTS_APPEND", "") + "\n"
                    + spec.memoryLimit()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private String label(String image) {
        if (!Podman.imageExists(stack.repoRoot(), image)) {
            return "";
        }
        return Podman.call(stack.repoRoot(), "image", "inspect", "--format",
                "{{index .Labels \"" + KEY_LABEL + "\"}}", image);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
