package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.PodSpec;
import org.certboard.devstack.Podman;
import org.certboard.devstack.Service;
import org.certboard.devstack.ServiceProcess;
import org.certboard.devstack.scenario.GoldenPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The three images in a real container engine (podman), started as deploy/kubernetes/base runs them, against this
 * JVM's Kafka broker and throwaway databases on the local PostgreSQL: each reports started, live and ready on its
 * management port, runs as the manifest's user on a read-only root filesystem without capabilities, on JDK 25 with
 * its image's AOT cache mapped (the stack trains the cache layer where missing), and the golden path plays through
 * them; then one is stopped with SIGTERM and leaves within its grace period.
 * <p>
 * It runs on the images {@code deploy/local/images --build-only} loaded ({@code localhost/certboard/*:local}) and is
 * skipped, saying so, where podman or those images are absent, or hold another build's jars than this one packaged
 * (they would test other code). It does not build them itself: the base image comes from debootstrap (about 3 minutes, root and the Debian archive needed), which would add a third to the CI's 10
 * minutes for a check whose subject (how the manifests run an image) changes rarely; and an image built by the test
 * would have to be built from the same jars this build just packaged, which {@code deploy/local/images} does anyway
 * (it rebuilds the images from the current sources each time it runs, in about a minute once the base exists).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImagesIT {
    private static final String TAG = "local";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalStack stack;

    @BeforeAll
    static void startTheImages() {
        assumeTrue(Podman.installed(), "skipped: podman is not installed here; deploy/local/images installs it"
                + " (Debian) and builds the images this test starts");
        for (Service service : Service.values()) {
            String image = "localhost/certboard/" + service.module() + ":" + TAG;
            assumeTrue(Podman.imageExists(SystemStack.root(), image), "skipped: image " + image + " is not in podman;"
                    + " build the images with deploy/local/images --build-only first");
            assumeTrue(Podman.imageHoldsBuild(SystemStack.root(), image, service.module()), "skipped: image " + image
                    + " holds another build of " + service.module() + " than this one packaged; rebuild the images"
                    + " with deploy/local/images --build-only first");
        }
        stack = SystemStack.start(options -> options.withImages(TAG));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void eachImageReportsReadyOnTheManagementPortAndRunsAsTheManifestSays() throws Exception {
        for (Service service : Service.values()) {
            ServiceProcess process = stack.process(service);
            PodSpec spec = PodSpec.of(SystemStack.root(), service.module());
            JsonNode ready = JSON.readTree(get(process.managementUrl() + spec.readyPath()));
            assertThat(ready.path("status").asText()).as(service.module()).isEqualTo("UP");
            assertThat(process.answersOk(spec.startedPath())).isTrue();
            assertThat(process.answersOk(spec.livePath())).isTrue();

            String container = process.containerName().orElseThrow();
            JsonNode inspected = JSON.readTree(Podman.call(SystemStack.root(), "inspect", container)).get(0);
            assertThat(inspected.path("Config").path("User").asText()).isEqualTo("185:185");
            assertThat(inspected.path("HostConfig").path("ReadonlyRootfs").asBoolean()).isTrue();
            assertThat(inspected.path("HostConfig").path("Memory").asLong()).isEqualTo(512L * 1024 * 1024);
            assertThat(inspected.path("HostConfig").path("SecurityOpt").toString()).contains("no-new-privileges");
            assertThat(inspected.path("EffectiveCaps").isEmpty()).as("no capability left").isTrue();

            assertThat(Podman.call(SystemStack.root(), "exec", container, "id", "-u")).isEqualTo("185");
            Podman.Result write = Podman.tryCall(SystemStack.root(), "exec", container, "touch", "/home/jboss/x");
            assertThat(write.exitCode()).isNotZero();
            assertThat(write.output()).contains("Read-only file system");
            assertThat(Podman.tryCall(SystemStack.root(), "exec", container, "touch", "/tmp/x").exitCode()).isZero();
            // the JVM sees the container's memory limit: MaxRAMPercentage=75 (JAVA_OPTS_APPEND) of 512 MiB
            String flags = Podman.call(SystemStack.root(), "exec", container, "sh", "-c",
                    "java -XX:MaxRAMPercentage=75 -XX:+PrintFlagsFinal -version | grep -w MaxHeapSize");
            assertThat(flags).contains(Long.toString(384L * 1024 * 1024));

            // the image's AOT cache layer is in use: the JVM mapped the cache, not only the JDK's own small archive
            assertThat(inspected.path("ImageName").asText()).endsWith(":" + TAG + "-aot");
            long cache = Long.parseLong(Podman.call(SystemStack.root(), "exec", container, "stat", "-c", "%s",
                    "/home/jboss/app.aot"));
            Matcher mapped = Pattern.compile("CDS archive\\(s\\) mapped at: .*, size (\\d+),")
                    .matcher(Podman.call(SystemStack.root(), "exec", container, "jcmd", "1", "VM.info"));
            assertThat(mapped.find()).as("%s: an archive is mapped", service.module()).isTrue();
            assertThat(Long.parseLong(mapped.group(1))).as("%s: mapped bytes against the cache's %d", service.module(),
                    cache).isGreaterThan(cache / 2);
        }
    }

    @Test
    @Order(2)
    void theGoldenPathPlaysThroughTheImages() {
        GoldenPath.Outcome outcome = new GoldenPath(SystemStack.board(stack),
                line -> System.out.println("[images] " + line)).play("Grace", "Hopper");
        assertThat(outcome.certification().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(outcome.verification().path("name").asText()).isEqualTo("Grace Hopper-Seacole");
    }

    @Test
    @Order(3)
    void sigtermStopsAServiceWithinItsGracePeriod() {
        ServiceProcess process = stack.process(Service.RENEWAL);
        PodSpec spec = PodSpec.of(SystemStack.root(), Service.RENEWAL.module());
        long start = System.nanoTime();
        Podman.call(SystemStack.root(), "kill", "--signal", "TERM", process.containerName().orElseThrow());
        boolean readinessWentDown = false;
        while (System.nanoTime() - start < Duration.ofSeconds(spec.gracePeriodSeconds()).toNanos()) {
            boolean running = Podman.tryCall(SystemStack.root(), "container", "exists",
                    process.containerName().orElseThrow()).exitCode() == 0;
            if (!running) {
                break;
            }
            readinessWentDown |= !process.isReady();
            sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(seconds).as("stopped within terminationGracePeriodSeconds").isLessThan(spec.gracePeriodSeconds());
        assertThat(readinessWentDown).as("readiness reported DOWN before the container left").isTrue();
    }

    private static String get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return response.body();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
