package org.certboard.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;

class PodmanTest {

    /** Two package runs of the same sources differ only in entry times: an image of either is this build's. */
    @Test
    void aJarsContentDigestIgnoresEntryTimesButNotContents() throws IOException {
        String packaged = Podman.contentDigest(jar(1_000_000L, "class A {}"));
        assertThat(Podman.contentDigest(jar(2_000_000_000L, "class A {}"))).isEqualTo(packaged);
        assertThat(Podman.contentDigest(jar(1_000_000L, "class B {}"))).isNotEqualTo(packaged);
    }

    private static ByteArrayInputStream jar(long time, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes)) {
            JarEntry entry = new JarEntry("org/certboard/A.class");
            entry.setTime(time);
            jar.putNextEntry(entry);
            jar.write(content.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
