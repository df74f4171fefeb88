package org.certboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotTrainingTest {
    private static final Instant BUILT = Instant.parse("2026-12-06T18:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aTrainingRemovesOlderBuildsCachesButNotThoseOfThisBuildWithOtherFlags() throws IOException {
        Path app = dir.resolve("target/quarkus-app");
        Files.createDirectories(app);
        touch(app.resolve("quarkus-run.jar"), BUILT);
        Path caches = dir.resolve("target/aot");
        Path olderBuild = touch(caches.resolve("0000000000000000.aot"), BUILT.minusSeconds(60));
        Path olderBuildsMarker = touch(caches.resolve("1111111111111111.aot.failed"), BUILT.minusSeconds(60));
        Path otherFlags = touch(caches.resolve("2222222222222222.aot"), BUILT.plusSeconds(120));
        Path anotherStackTraining = touch(caches.resolve("3333333333333333.aot.4242.training"), BUILT.plusSeconds(5));
        Path cache = caches.resolve("4444444444444444.aot");

        AotTraining.removeOlderBuildsCaches(cache, app);

        assertThat(olderBuild).doesNotExist();
        assertThat(olderBuildsMarker).doesNotExist();
        assertThat(otherFlags).exists();
        assertThat(anotherStackTraining).exists();
    }

    @Test
    void withoutABuildNothingIsRemoved() throws IOException {
        Path old = touch(dir.resolve("target/aot/0000000000000000.aot"), BUILT.minusSeconds(3600));

        AotTraining.removeOlderBuildsCaches(dir.resolve("target/aot/4444444444444444.aot"),
                dir.resolve("target/quarkus-app"));

        assertThat(old).exists();
    }

    private static Path touch(Path file, Instant modified) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, file.getFileName().toString());
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
