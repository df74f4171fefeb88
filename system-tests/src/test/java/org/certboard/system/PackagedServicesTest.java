package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.certboard.devstack.Service;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What each packaged service (its module's target/quarkus-app, which the images, the local stack and the ITs run)
 * leaves out: the service file through which Mutiny would find Context Propagation's callback decorator (platform's
 * microprofile-config.properties). A @QuarkusTest still loads it from the build's class path, so only the package
 * shows that the setting took.
 */
class PackagedServicesTest {
    private static final String DECORATOR = "META-INF/services/io.smallrye.mutiny.infrastructure.CallbackDecorator";

    @ParameterizedTest
    @EnumSource(Service.class)
    void mutinyFindsNoCallbackDecorator(Service service) throws IOException {
        Path lib = SystemStack.root().resolve(service.module()).resolve("target/quarkus-app/lib/main");
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar")).toList();
        }
        assertThat(jars).as("the jar that brings the decorator").anyMatch(jar -> jar.getFileName().toString()
                .startsWith("io.smallrye.reactive.mutiny-smallrye-context-propagation-"));
        for (Path jar : jars) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                assertThat(zip.getEntry(DECORATOR)).as(jar.getFileName().toString()).isNull();
            }
        }
    }
}
