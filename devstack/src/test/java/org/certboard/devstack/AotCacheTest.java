package org.certboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {
    private static final List<String> FLAGS = ServiceProcess.LOCAL_JVM;

    @TempDir
    Path dir;

    @Test
    void theVariableNamesTheJdkFirst() throws IOException {
        Path named = jdk("named", "25.0.3+9-LTS");
        Path fallback = jdk("default", "25.0.1+8-LTS");

        AotCache found = AotCache.find(Map.of(AotCache.HOME_VARIABLE, named.toString()), fallback, FLAGS)
                .orElseThrow();

        assertThat(found.javaExecutable()).isEqualTo(named.resolve("bin/java"));
        assertThat(found.describe()).contains("25.0.3+9-LTS", AotCache.HOME_VARIABLE);
    }

    @Test
    void withoutTheVariableTheDefaultHomeIsUsed() throws IOException {
        Path fallback = jdk("default", "25.0.3+9-LTS");

        AotCache found = AotCache.find(Map.of(), fallback, FLAGS).orElseThrow();

        assertThat(found.javaExecutable()).isEqualTo(fallback.resolve("bin/java"));
        assertThat(found.describe()).contains(fallback.toString(), "default location");
    }

    @Test
    void aJdkOlderThan25OrNoneAtAllMeansNoCache() throws IOException {
        Path seventeen = jdk("seventeen", "17.0.15+6-Debian-1deb12u1");

        assertThat(AotCache.find(Map.of(AotCache.HOME_VARIABLE, seventeen.toString()), dir.resolve("absent"), FLAGS))
                .isEmpty();
        assertThat(AotCache.find(Map.of(), seventeen, FLAGS)).isEmpty();
        assertThat(AotCache.find(Map.of(AotCache.HOME_VARIABLE, ""), dir.resolve("absent"), FLAGS)).isEmpty();
    }

    @Test
    void aVariableNamingNoJdkFallsBackToTheDefaultHome() throws IOException {
        Path fallback = jdk("default", "25.0.3+9-LTS");

        assertThat(AotCache.find(Map.of(AotCache.HOME_VARIABLE, dir.resolve("nowhere").toString()), fallback, FLAGS)
                .orElseThrow().javaExecutable()).isEqualTo(fallback.resolve("bin/java"));
    }

    @Test
    void theCacheLivesBesideTheBuildNamedByJdkFlagsAndEveryFileOfTheBuild() throws IOException {
        Path app = build();
        AotCache jdk = AotCache.find(Map.of(), jdk("a", "25.0.3+9-LTS"), FLAGS).orElseThrow();
        Path cache = jdk.file(app);

        assertThat(cache.getParent()).isEqualTo(app.resolveSibling("aot"));
        assertThat(cache.getFileName().toString()).matches("[0-9a-f]{16}\\.aot");
        assertThat(jdk.file(app)).as("the same build, the same file").isEqualTo(cache);

        Path lib = app.resolve("lib/main/dep.jar");
        Files.setLastModifiedTime(lib, FileTime.fromMillis(Files.getLastModifiedTime(lib).toMillis() + 1000));
        Path rebuilt = jdk.file(app);
        assertThat(rebuilt).as("a jar touched by a new build").isNotEqualTo(cache);

        Files.writeString(app.resolve("app/app.jar"), "a longer application");
        assertThat(jdk.file(app)).as("a jar of another size").isNotEqualTo(rebuilt);
    }

    @Test
    void anotherJdkBuildOrOtherFlagsNeverShareACache() throws IOException {
        Path app = build();
        Path home = jdk("a", "25.0.3+9-LTS");
        Path cache = AotCache.find(Map.of(), home, FLAGS).orElseThrow().file(app);

        assertThat(AotCache.find(Map.of(), jdk("b", "25.0.4+7-LTS"), FLAGS).orElseThrow().file(app))
                .isNotEqualTo(cache);
        assertThat(AotCache.find(Map.of(), home, List.of("-Xmx384m", "-XX:+UseParallelGC")).orElseThrow().file(app))
                .isNotEqualTo(cache);
    }

    @Test
    void trainingAndUseRunWithTheSameFlags() throws IOException {
        AotCache jdk = AotCache.find(Map.of(), jdk("a", "25.0.3+9-LTS"), FLAGS).orElseThrow();
        Path cache = dir.resolve("x.aot");

        assertThat(jdk.trainingFlags(cache)).containsSubsequence(FLAGS).endsWith("-XX:AOTCacheOutput=" + cache)
                .hasSize(FLAGS.size() + 1);
        assertThat(jdk.useFlags(cache)).containsSubsequence(FLAGS).endsWith("-XX:AOTCache=" + cache)
                .hasSize(FLAGS.size() + 1);
    }

    @Test
    void theFeatureReleaseIsReadFromTheVersion() {
        assertThat(AotCache.feature("25.0.3+9-LTS")).isEqualTo(25);
        assertThat(AotCache.feature("26-ea")).isEqualTo(26);
        assertThat(AotCache.feature("17.0.15")).isEqualTo(17);
        assertThat(AotCache.feature("")).isZero();
    }

    @Test
    void everyServiceHasAStaffReadForItsTraining() {
        for (Service service : Service.values()) {
            assertThat(AotTraining.staffReadPath(service)).startsWith("/").contains("size=1");
        }
    }

    /** A JDK home as the finder sees it: an executable bin/java and the release file. */
    private Path jdk(String name, String version) throws IOException {
        Path home = dir.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Eclipse Adoptium\"\nJAVA_RUNTIME_VERSION=\""
                + version + "\"\nJAVA_VERSION=\"" + version.split("\\+")[0] + "\"\n");
        return home;
    }

    private Path build() throws IOException {
        Path app = dir.resolve("module/target/quarkus-app");
        Files.createDirectories(app.resolve("lib/main"));
        Files.createDirectories(app.resolve("app"));
        Files.writeString(app.resolve("quarkus-run.jar"), "manifest");
        Files.writeString(app.resolve("lib/main/dep.jar"), "dependency");
        Files.writeString(app.resolve("app/app.jar"), "application");
        return app;
    }
}
