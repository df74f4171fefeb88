package org.certboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The image each service's build produced with Jib (the image-check profile of the parent pom: stand-in base image,
 * tarball instead of a registry). What is checked is what the services configure: name, user, ports and labels, and
 * the production base their image pipeline trains an AOT cache for.
 */
class ImageConfigurationTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "candidate-service", "exam-service", "renewal-service" })
    void imageRunsAsNonRootWithItsPortsLabelsAndConfiguredName(String service) throws IOException {
        Path tar = Path.of("..", service, "target", "jib-image.tar");
        assertThat(tar).as("%s: built by `./mvnw package` without -DskipImageCheck", tar).exists();
        Map<String, JsonNode> files = jsonFiles(tar);
        JsonNode manifest = files.get("manifest.json").get(0);
        JsonNode config = files.get(manifest.get("Config").asText()).get("config");

        assertThat(manifest.get("RepoTags").get(0).asText())
                .isEqualTo("registry.check.invalid/certboard/" + service + ":image-check");
        assertThat(config.get("User").asText()).isEqualTo("185");
        assertThat(config.get("ExposedPorts").properties()).extracting(Map.Entry::getKey)
                .containsExactlyInAnyOrder("8080/tcp", "9000/tcp");
        assertThat(config.get("Labels").get("org.opencontainers.image.title").asText()).isEqualTo(service);
        assertThat(config.get("Labels").get("org.opencontainers.image.version").asText()).isEqualTo("1.0.0-SNAPSHOT");
        assertThat(config.get("Labels").get("org.opencontainers.image.source").asText()).startsWith("https://");
        assertThat(manifest.get("Layers").size()).as("application layers").isGreaterThanOrEqualTo(4);
    }

    /**
     * The production base (the parent pom's {@code quarkus.jib.base-jvm-image}) is a JDK 25 runtime: the image
     * pipeline's training step (devstack ImageTraining, docs/operations.md) adds a JDK AOT cache, which only JDK 24 and
     * later load.
     */
    @Test
    void productionBaseIsAJdk25Runtime() throws Exception {
        Element properties = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(Path.of("..", "pom.xml").toFile()).getDocumentElement()
                .getElementsByTagName("properties").item(0);
        assertThat(properties.getElementsByTagName("quarkus.jib.base-jvm-image").item(0).getTextContent())
                .matches("registry\\.access\\.redhat\\.com/ubi9/openjdk-25-runtime:[0-9.]+");
    }

    private static Map<String, JsonNode> jsonFiles(Path tar) throws IOException {
        Map<String, JsonNode> files = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                if (entry.getName().endsWith(".json")) {
                    files.put(entry.getName(), JSON.readTree(entries.readAllBytes()));
                }
            }
        }
        return files;
    }
}
