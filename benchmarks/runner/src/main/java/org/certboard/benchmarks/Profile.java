package org.certboard.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder around a measured run (-Dbench.jfr=true): started and stopped in the service's JVM with jcmd,
 * then summarised as the frames the CPU samples were in (self) and the frames they were under (total).
 */
final class Profile {
    private final long pid;
    private final Path file;

    private Profile(long pid, Path file) {
        this.pid = pid;
        this.file = file;
    }

    /** The JDK's "profile" settings with Java samples every millisecond (10 or 20 ms by default: too few here). */
    static Profile start(long pid, Path file) throws IOException {
        String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
        int event = profile.indexOf("<event name=\"jdk.ExecutionSample\">");
        int end = profile.indexOf("</event>", event);
        String sample = profile.substring(event, end).replaceAll(">\\s*\\d+ ms<", ">1 ms<");
        Path settings = file.resolveSibling(file.getFileName() + ".jfc");
        Files.writeString(settings, profile.substring(0, event) + sample + profile.substring(end));
        jcmd(pid, "JFR.start", "name=bench", "settings=" + settings);
        return new Profile(pid, file);
    }

    /** Stops the recording and returns its summary. */
    String stop(int top) throws IOException {
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
        return summary(file, top);
    }

    /**
     * CPU samples by layer (the layer of the frame the sample was in, and every layer on its stack) and the top
     * frames: the framework plumbing (Mutiny, Vert.x futures) is on every stack, the layers say where the work is.
     */
    static String summary(Path file, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> selfLayer = new HashMap<>();
        Map<String, Integer> totalLayer = new HashMap<>();
        Map<String, Integer> certboard = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            selfLayer.merge(layer(name(frames.get(0))), 1, Integer::sum);
            Set<String> layers = new HashSet<>();
            Set<String> ours = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                layers.add(layer(name));
                if (name.startsWith("org.certboard.")) {
                    ours.add(name);
                }
            }
            layers.forEach(l -> totalLayer.merge(l, 1, Integer::sum));
            ours.forEach(f -> certboard.merge(f, 1, Integer::sum));
        }
        StringBuilder out = new StringBuilder(String.format("%d CPU samples (%s)%n  self, by layer:%n", samples, file));
        append(out, selfLayer, samples, top);
        out.append("  total, by layer (on the stack):\n");
        append(out, totalLayer, samples, top);
        out.append("  self, top frames:\n");
        append(out, self, samples, top);
        out.append("  certboard frames on the stack:\n");
        append(out, certboard, samples, top);
        return out.toString();
    }

    private static final String[][] LAYERS = {
            { "org.certboard.", "certboard" }, { "org.hibernate.validator.", "bean validation" },
            { "org.hibernate.reactive.", "hibernate reactive" }, { "org.hibernate.", "hibernate orm" },
            { "io.vertx.sqlclient.", "pg client" }, { "io.vertx.pgclient.", "pg client" },
            { "io.smallrye.mutiny.", "mutiny" }, { "io.smallrye.context.", "context propagation" },
            { "io.netty.", "netty" }, { "com.fasterxml.jackson.", "jackson" }, { "org.jose4j.", "token (jose4j)" },
            { "sun.security.", "token crypto" }, { "java.math.", "token crypto" },
            { "io.quarkus.oidc.", "oidc" }, { "io.quarkus.security.", "security" },
            { "io.quarkus.vertx.http.runtime.security.", "security" },
            { "org.jboss.resteasy.reactive.", "quarkus rest" }, { "io.quarkus.resteasy.reactive.", "quarkus rest" },
            { "org.apache.kafka.", "kafka" }, { "io.smallrye.reactive.messaging.", "messaging" },
            { "io.micrometer.", "micrometer" }, { "io.vertx.", "vert.x" }, { "io.quarkus.", "quarkus other" },
            { "org.postgresql.", "jdbc (relay)" }, { "org.jboss.logmanager.", "logging" } };

    private static String layer(String frame) {
        for (String[] layer : LAYERS) {
            if (frame.startsWith(layer[0])) {
                return layer[1];
            }
        }
        return frame.startsWith("java.") || frame.startsWith("jdk.") || frame.startsWith("sun.") ? "jdk" : "other";
    }

    /** Summarises a recording made earlier: {@code Profile file.jfr}. */
    public static void main(String[] args) throws IOException {
        System.out.println(summary(Path.of(args[0]), 20));
    }

    private static void append(StringBuilder out, Map<String, Integer> counts, int samples, int top) {
        counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(top)
                .forEach(e -> out.append(String.format("    %5.1f%%  %s%n", 100.0 * e.getValue() / samples, e.getKey())));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void jcmd(long pid, String... command) {
        List<String> args = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        args.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
