package org.certboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ImageTrainingTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** A trained layer is reused only for the image and the JVM flags it was trained with. */
    @Test
    void theKeyFollowsTheSourceImageAndTheManifestsJvmFlagsAndMemory() {
        PodSpec spec = PodSpec.of(ROOT, "candidate-service");
        String key = ImageTraining.key("sha256:aaa", spec);

        assertThat(ImageTraining.key("sha256:aaa\n", spec)).isEqualTo(key);
        assertThat(ImageTraining.key("sha256:bbb", spec)).isNotEqualTo(key);
        Map<String, String> otherFlags = new HashMap<>(spec.environment());
        otherFlags.put("JAVA_OPTS_APPEND", "-XX:MaxRAMPercentage=50");
        assertThat(ImageTraining.key("sha256:aaa", withEnvironment(spec, otherFlags))).isNotEqualTo(key);
        assertThat(ImageTraining.key("sha256:aaa", withMemory(spec, "1Gi"))).isNotEqualTo(key);
    }

    @Test
    void theLayerAddsTheCacheTheLaunchersOptionAndTheKey() {
        assertThat(ImageTraining.containerfile("localhost/certboard/exam-service:local", "k1")).isEqualTo("""
                FROM localhost/certboard/exam-service:local
                COPY app.aot /home/jboss/app.aot
                ENV JDK_JAVA_OPTIONS=-XX:AOTCache=/home/jboss/app.aot
                LABEL org.certboard.aot.key=k1
                """);
    }

    @Test
    void trainingGetsTwiceThePodsMemory() {
        assertThat(ImageTraining.doubled("512m")).isEqualTo("1024m");
        assertThat(ImageTraining.doubled("1g")).isEqualTo("2048m");
    }

    private static PodSpec withEnvironment(PodSpec s, Map<String, String> environment) {
        return new PodSpec(s.module(), s.user(), s.group(), s.readOnlyRoot(), s.dropCapabilities(),
                s.noPrivilegeEscalation(), s.memoryLimit(), s.tmpSize(), environment, s.startedPath(), s.livePath(),
                s.readyPath(), s.probePort(), s.readiness(), s.gracePeriodSeconds(), s.preStop());
    }

    private static PodSpec withMemory(PodSpec s, String memoryLimit) {
        return new PodSpec(s.module(), s.user(), s.group(), s.readOnlyRoot(), s.dropCapabilities(),
                s.noPrivilegeEscalation(), memoryLimit, s.tmpSize(), s.environment(), s.startedPath(), s.livePath(),
                s.readyPath(), s.probePort(), s.readiness(), s.gracePeriodSeconds(), s.preStop());
    }
}
