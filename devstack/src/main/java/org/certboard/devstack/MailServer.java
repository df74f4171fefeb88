package org.certboard.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The local stack's SMTP server: GreenMail standalone, resolved from Maven Central through the project's Maven wrapper
 * (once per machine), in a JVM of its own. It accepts every recipient and keeps what it received in memory; its REST
 * API lists a mailbox's messages ({@code GET /api/user/{email}/messages/}).
 */
public final class MailServer implements AutoCloseable {
    static final String ARTIFACT = "com.icegreen:greenmail-standalone:2.1.3";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int smtpPort;
    private final int apiPort;
    private final ChildProcess process;

    private MailServer(int smtpPort, int apiPort, ChildProcess process) {
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
        this.process = process;
    }

    /** Fetches the server into {@code home} if missing, starts it and waits until SMTP and the API answer. */
    public static MailServer start(Path repoRoot, Path home, int smtpPort, int apiPort) {
        Path jar = home.resolve("greenmail-standalone-2.1.3.jar");
        Path log = home.resolve("greenmail.log");
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + home, e);
        }
        if (!Files.exists(jar)) {
            ChildProcess maven = ChildProcess.start("maven", List.of(repoRoot.resolve("mvnw").toString(), "-B", "-q",
                    "-N", "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy", "-Dartifact=" + ARTIFACT,
                    "-DoutputDirectory=" + home), Map.of("JAVA_HOME", System.getProperty("java.home")), log);
            Ports.await("Maven to download " + ARTIFACT, Duration.ofMinutes(5), () -> !maven.isAlive());
            if (maven.exitValue() != 0 || !Files.exists(jar)) {
                throw new IllegalStateException("cannot download " + ARTIFACT + ":\n" + maven.tail(30));
            }
        }
        ChildProcess process = ChildProcess.startJava("greenmail", List.of("-Xms32m", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.auth.disabled", "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort),
                List.of("-jar", jar.toString()), log);
        MailServer server = new MailServer(smtpPort, apiPort, process);
        Ports.await("GreenMail on ports " + smtpPort + " and " + apiPort, Duration.ofSeconds(60), () -> {
            process.checkAlive();
            return Ports.isOpen(smtpPort) && Ports.isOpen(apiPort);
        });
        return server;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The REST API, e.g. {@code /api/user/grace@example.org/messages/}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** What {@code email} received: one node per message with {@code Message-ID}, {@code subject}, {@code mimeMessage}. */
    public JsonNode messagesOf(String email) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/user/"
                    + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : JSON.createArrayNode();
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail's API did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.stop();
    }
}
