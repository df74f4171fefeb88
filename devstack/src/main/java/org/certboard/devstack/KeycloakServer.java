package org.certboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak, the OpenID provider of the local stack, run from the Quarkus distribution on Maven Central in development
 * mode, in its own process, with the {@code certboard} realm imported from {@value #REALM_FILE}.
 * <p>
 * {@code home} holds the unpacked distribution, the result of its one-time build step (lib/quarkus) and its data
 * (an embedded H2 database under data/): later starts on the same home skip the download and the build and keep every
 * user. The realm file is imported when the realm does not exist yet; what happens to an existing realm when the file
 * has changed since is the caller's choice (see {@link #launch}).
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String VERSION = "26.7.3";
    public static final String REALM = "certboard";
    static final String REALM_FILE = "deploy/local/keycloak/certboard-realm.json";
    /** The master realm's administrator, made on the first start: this local provider only. */
    static final String ADMIN_USERNAME = "admin";
    static final String ADMIN_PASSWORD = "admin";
    private static final String ARTIFACT = "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip";
    private static final String INSTALLED_MARKER = ".certboard-installed";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /**
     * Runs kc.sh in the background and stops it when the launcher (the first argument) is gone, so a killed test run
     * or local stack never leaves Keycloak behind. A terminal's Ctrl-C is ignored here: the launcher stops Keycloak
     * with SIGTERM, which kc.sh forwards to its JVM.
     */
    private static final String PARENT_WATCH = """
            parent=$1; shift
            trap '' INT
            "$@" &
            child=$!
            trap 'kill -TERM $child 2>/dev/null' TERM
            while kill -0 "$parent" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1 & wait $!; done
            kill -TERM "$child" 2>/dev/null
            wait "$child"
            """;

    private final Path home;
    private final int port;
    private final boolean realmOutdated;
    private final ChildProcess process;

    private KeycloakServer(Path home, int port, boolean realmOutdated, ChildProcess process) {
        this.home = home;
        this.port = port;
        this.realmOutdated = realmOutdated;
        this.process = process;
    }

    /**
     * Installs the distribution into {@code home} if it is not there yet (resolved from Maven Central through the
     * project's Maven wrapper), starts Keycloak on {@code port} and returns at once: call {@link #awaitReady} next.
     *
     * @param dropDataWhenRealmChanges when the realm file differs from the one the existing realm was imported from,
     *                                 drop Keycloak's data so it is imported again; otherwise keep the data and report
     *                                 the realm as {@link #realmOutdated() outdated}
     */
    public static KeycloakServer launch(Path repoRoot, Path home, int port, boolean dropDataWhenRealmChanges,
            Path log) {
        Path absoluteHome = home.toAbsolutePath();
        install(repoRoot, absoluteHome, log);
        Path data = absoluteHome.resolve("data");
        // the copy Keycloak imports from stays in place: it records what the existing realm was made from
        Path imported = data.resolve("import").resolve(REALM + "-realm.json");
        boolean outdated;
        try {
            Path source = repoRoot.resolve(REALM_FILE);
            boolean changed = Files.exists(imported) && Files.mismatch(imported, source) != -1;
            if (changed && dropDataWhenRealmChanges) {
                deleteTree(data);
            }
            outdated = changed && !dropDataWhenRealmChanges;
            if (!outdated) {
                Files.createDirectories(imported.getParent());
                Files.copy(source, imported, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the realm file in place", e);
        }
        String url = "http://127.0.0.1:" + port;
        List<String> command = List.of("bash", "-c", PARENT_WATCH, "keycloak",
                Long.toString(ProcessHandle.current().pid()), "bash", absoluteHome.resolve("bin/kc.sh").toString(),
                "start-dev", "--http-host=127.0.0.1", "--http-port=" + port, "--hostname=" + url,
                "--import-realm");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1",
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return new KeycloakServer(absoluteHome, port, outdated,
                ChildProcess.start("keycloak", command, environment, log));
    }

    /** True when the realm runs as imported from an older version of the realm file (its data was kept). */
    public boolean realmOutdated() {
        return realmOutdated;
    }

    /**
     * True until Keycloak's one-time build step for development mode has run in {@code home} (the first start is the
     * slow one): the distribution ships a build for production mode, which start-dev replaces, after the installation.
     */
    public static boolean needsBuild(Path home) {
        Path absolute = home.toAbsolutePath();
        try {
            return !Files.exists(absolute.resolve(INSTALLED_MARKER))
                    || !Files.getLastModifiedTime(absolute.resolve("lib/quarkus/quarkus-application.dat"))
                            .toInstant().isAfter(Files.getLastModifiedTime(absolute.resolve(INSTALLED_MARKER))
                                    .toInstant());
        } catch (IOException e) {
            return true;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the certboard realm's tokens, and the services' {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public Path home() {
        return home;
    }

    /** Waits until the certboard realm publishes its OpenID configuration. */
    public void awaitReady(Duration timeout) {
        URI discovery = URI.create(issuer() + "/.well-known/openid-configuration");
        Ports.await("Keycloak to serve " + discovery, timeout, () -> {
            process.checkAlive();
            try {
                return HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    /** Resident memory of Keycloak's processes in MiB, read from /proc (Linux only; -1 elsewhere). */
    public long rssMiB() {
        return process.rssKiB() / 1024;
    }

    @Override
    public void close() {
        process.stop();
    }

    private static void install(Path repoRoot, Path home, Path log) {
        Path marker = home.resolve(INSTALLED_MARKER);
        try {
            if (Files.exists(marker) && VERSION.equals(Files.readString(marker).trim())) {
                return;
            }
            // an interrupted or older installation: replace the distribution, keep the data
            try (Stream<Path> entries = Files.exists(home) ? Files.list(home) : Stream.empty()) {
                entries.filter(p -> !p.getFileName().toString().equals("data")).forEach(KeycloakServer::deleteTree);
            }
            Path download = Files.createDirectories(home.resolveSibling(home.getFileName() + "-download"));
            Path zip = download.resolve("keycloak-quarkus-dist-" + VERSION + ".zip");
            if (!Files.exists(zip)) {
                fetch(repoRoot, download, log);
            }
            unzip(zip, home);
            try (Stream<Path> scripts = Files.list(home.resolve("bin"))) {
                scripts.filter(p -> p.toString().endsWith(".sh")).forEach(p -> p.toFile().setExecutable(true));
            }
            deleteTree(download);
            Files.writeString(marker, VERSION);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install Keycloak " + VERSION + " into " + home, e);
        }
    }

    /** Resolves the distribution from Maven Central into the local Maven repository and copies it to {@code target}. */
    private static void fetch(Path repoRoot, Path target, Path log) {
        ChildProcess maven = ChildProcess.start("maven", List.of(repoRoot.resolve("mvnw").toString(), "-B", "-q", "-N",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy", "-Dartifact=" + ARTIFACT,
                "-DoutputDirectory=" + target), Map.of("JAVA_HOME", System.getProperty("java.home")), log);
        Ports.await("Maven to download " + ARTIFACT, Duration.ofMinutes(15), () -> !maven.isAlive());
        if (maven.exitValue() != 0) {
            throw new IllegalStateException("cannot download " + ARTIFACT + " (Maven exited with "
                    + maven.exitValue() + "):\n" + maven.tail(30));
        }
    }

    /** Unpacks the distribution without its top folder (keycloak-VERSION/). */
    private static void unzip(Path zip, Path home) throws IOException {
        Files.createDirectories(home);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path target = home.resolve(name.substring(slash + 1)).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("zip entry outside the distribution: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
