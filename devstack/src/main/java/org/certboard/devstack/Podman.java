package org.certboard.devstack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;

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
     * True when {@code image} carries what this build compiled of {@code module}: its application jar (Jib's layout,
     * under /home/jboss) holds the same entries with the same contents as the packaged one in target/quarkus-app.
     * Entry times are left out, since every package run writes new ones. An image from other sources would test other
     * code than the build's, so a caller treats it as absent. Anything that fails counts as a mismatch.
     */
    public static boolean imageHoldsBuild(Path repoRoot, String image, String module) {
        String jar = "app/" + module + "-1.0.0-SNAPSHOT.jar";
        Path local = repoRoot.resolve(module).resolve("target/quarkus-app").resolve(jar);
        try {
            ProcessBuilder builder = new ProcessBuilder(command("run", "--rm", "--entrypoint", "cat", image,
                    "/home/jboss/" + jar));
            builder.environment().putAll(environment(repoRoot));
            Process p = builder.redirectError(ProcessBuilder.Redirect.DISCARD).start();
            byte[] inImage = p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.isRegularFile(local)
                    && contentDigest(new ByteArrayInputStream(inImage))
                            .equals(contentDigest(Files.newInputStream(local)));
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SHA-256 over a jar's entry names and contents, in their order, without the times the packaging wrote. */
    static String contentDigest(InputStream jar) throws IOException {
        try (JarInputStream entries = new JarInputStream(jar)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (JarEntry entry = entries.getNextJarEntry(); entry != null; entry = entries.getNextJarEntry()) {
                digest.update(entry.getName().getBytes(StandardCharsets.UTF_8));
                digest.update(entries.readAllBytes());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** A configuration key as the environment variable Quarkus reads it from (quarkus.http.port → QUARKUS_HTTP_PORT). */
    static String environmentName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
