package org.certboard.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The podman CLI as this machine runs it: with deploy/podman/containers.conf (runc, cgroupfs, no default ulimits), as
 * deploy/local/images does.
 */
public final class Podman {
    private Podman() {
    }

    /** True when the podman CLI answers. */
    public static boolean installed() {
        try {
            Process p = new ProcessBuilder("podman", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The environment every podman call gets: the repository's containers.conf. */
    public static Map<String, String> environment(Path repoRoot) {
        return Map.of("CONTAINERS_CONF", repoRoot.resolve("deploy/podman/containers.conf").toString());
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>();
        command.add("podman");
        command.addAll(List.of(args));
        return command;
    }

    /** Runs {@code podman args}; its output, or an exception with it when it fails. */
    public static String call(Path repoRoot, String... args) {
        Result result = tryCall(repoRoot, args);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("podman " + String.join(" ", args) + " failed (" + result.exitCode()
                    + "): " + result.output());
        }
        return result.output();
    }

    /** What a podman call printed (stdout and stderr) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    public static Result tryCall(Path repoRoot, String... args) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command(args)).redirectErrorStream(true);
            builder.environment().putAll(environment(repoRoot));
            Process p = builder.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, output + " (timed out)");
            }
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    public static boolean imageExists(Path repoRoot, String image) {
        return tryCall(repoRoot, "image", "exists", image).exitCode() == 0;
    }

    /**
     * True when {@code image} carries this build of {@code module}: its application jar (Jib's layout, under
     * /home/jboss) has the same SHA-256 as the packaged one in target/quarkus-app. An image from another build would
     * test other code than the build's, so a caller treats it as absent. Anything that fails counts as a mismatch.
     */
    public static boolean imageHoldsBuild(Path repoRoot, String image, String module) {
        String jar = "app/" + module + "-1.0.0-SNAPSHOT.jar";
        Path local = repoRoot.resolve(module).resolve("target/quarkus-app").resolve(jar);
        if (!Files.isRegularFile(local)) {
            return false;
        }
        Result inImage = tryCall(repoRoot, "run", "--rm", "--entrypoint", "sha256sum", image, "/home/jboss/" + jar);
        try {
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(local)));
            return inImage.exitCode() == 0 && inImage.output().startsWith(digest);
        } catch (IOException | NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** A configuration key as the environment variable Quarkus reads it from (quarkus.http.port → QUARKUS_HTTP_PORT). */
    static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
