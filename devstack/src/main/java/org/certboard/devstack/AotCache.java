package org.certboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A JDK 25 (or newer) to start the services on with a JEP 483/514 AOT cache per service: a training run writes it
 * ({@code -XX:AOTCacheOutput}), later starts map it ({@code -XX:AOTCache}). The JVM loads a cache only on the build
 * that wrote it, with the same classpath and GC-relevant flags, so the file is named by a key of all three.
 */
public final class AotCache {
    /** Where to look first for the JDK 25 home. */
    public static final String HOME_VARIABLE = "CERTBOARD_JAVA25_HOME";
    /** Where Temurin 25 is installed on the project's machines and CI's. */
    public static final Path DEFAULT_HOME = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

    private final Path home;
    private final String runtimeVersion;
    private final String foundBy;
    private final List<String> flags;

    private AotCache(Path home, String runtimeVersion, String foundBy, List<String> flags) {
        this.home = home;
        this.runtimeVersion = runtimeVersion;
        this.foundBy = foundBy;
        this.flags = List.copyOf(flags);
    }

    /**
     * The JDK named by {@code CERTBOARD_JAVA25_HOME} in {@code environment}, else the one at {@code defaultHome}, when
     * it is Java 25 or newer; empty otherwise (the services then run on the stack's own Java, without a cache).
     */
    public static Optional<AotCache> find(Map<String, String> environment, Path defaultHome, List<String> flags) {
        String variable = environment.get(HOME_VARIABLE);
        if (variable == null || variable.isBlank()) {
            return at(defaultHome, "the default location, $" + HOME_VARIABLE + " unset", flags);
        }
        return at(Path.of(variable), "$" + HOME_VARIABLE, flags).or(() -> at(defaultHome,
                "the default location, $" + HOME_VARIABLE + "=" + variable + " is no JDK 25", flags));
    }

    private static Optional<AotCache> at(Path home, String foundBy, List<String> flags) {
        Path release = home.resolve("release");
        if (!Files.isExecutable(home.resolve("bin/java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(release)) {
            properties.load(reader);
        } catch (IOException e) {
            return Optional.empty();
        }
        String version = unquote(properties.getProperty("JAVA_RUNTIME_VERSION",
                properties.getProperty("JAVA_VERSION", "")));
        if (feature(version) < 25) {
            return Optional.empty();
        }
        String build = unquote(properties.getProperty("IMPLEMENTOR", "")) + " " + version;
        return Optional.of(new AotCache(home, build.strip(), foundBy, flags));
    }

    private static String unquote(String value) {
        return value.replace("\"", "").strip();
    }

    /** The feature release of a version string such as {@code 25.0.3+9-LTS}; 0 when it is not one. */
    static int feature(String version) {
        String digits = version.split("[^0-9]", 2)[0];
        return digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }

    public Path javaExecutable() {
        return home.resolve("bin/java");
    }

    /** For the log: which JDK, and where it was found. */
    public String describe() {
        return runtimeVersion + " at " + home + " (" + foundBy + ")";
    }

    /** The JVM flags both the training and the use are started with (the cache requires the same GC ones). */
    public List<String> flags() {
        return flags;
    }

    /**
     * The cache of the build in {@code quarkusApp}, beside it in {@code target/aot}: named by a hash of the JDK build,
     * the flags and every file of the build (path, size, modification time), so a new build or JDK trains anew.
     */
    public Path file(Path quarkusApp) {
        return quarkusApp.resolveSibling("aot").resolve(key(quarkusApp) + ".aot");
    }

    String key(Path quarkusApp) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        digest.update((runtimeVersion + "\n" + String.join(" ", flags) + "\n").getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String line = quarkusApp.relativize(file) + " " + Files.size(file) + " "
                        + Files.getLastModifiedTime(file).toMillis() + "\n";
                digest.update(line.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + quarkusApp, e);
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    /** A training run's flags: the JVM writes the cache to {@code output} when it exits. */
    public List<String> trainingFlags(Path output) {
        return Stream.concat(flags.stream(), Stream.of("-XX:AOTCacheOutput=" + output)).toList();
    }

    /** The flags of a start with the cache ({@code AOTMode=auto}: a cache the JVM rejects is a warning, not a failure). */
    public List<String> useFlags(Path cache) {
        return Stream.concat(flags.stream(), Stream.of("-XX:AOTCache=" + cache)).toList();
    }
}
