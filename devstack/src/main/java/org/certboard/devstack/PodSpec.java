package org.certboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * How deploy/kubernetes/base runs one service, read from its Deployment (and the ConfigMaps it takes its environment
 * from), turned into a {@code podman run}: the same user, read-only root filesystem with the same writable
 * {@code /tmp}, dropped capabilities, no privilege escalation, memory limit and environment; the probes' paths on the
 * management port. Environment taken from Secrets ({@code valueFrom}, {@code envFrom.secretRef}) is left to the
 * caller, which knows the local database's credentials and keys.
 */
public record PodSpec(String module, long user, long group, boolean readOnlyRoot, List<String> dropCapabilities,
        boolean noPrivilegeEscalation, String memoryLimit, String tmpSize, Map<String, String> environment,
        String startedPath, String livePath, String readyPath, String probePort, Readiness readiness,
        int gracePeriodSeconds, List<String> preStop) {

    /** The readinessProbe's timing (Kubernetes' defaults where the manifest sets none): a balancer checks alike. */
    public record Readiness(int periodSeconds, int timeoutSeconds, int failureThreshold) {
    }

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String BOARD_PROFILE = "certboard-board-profile";

    /** The Deployment of {@code module} in {@code repoRoot/deploy/kubernetes/base}. */
    public static PodSpec of(Path repoRoot, String module) {
        Path base = repoRoot.resolve("deploy/kubernetes/base");
        List<JsonNode> objects = objects(base);
        JsonNode deployment = objects.stream()
                .filter(o -> "Deployment".equals(o.path("kind").asText())
                        && module.equals(o.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Deployment " + module + " in " + base));
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);
        Map<String, String> environment = new LinkedHashMap<>();
        // envFrom first: a container's own env wins over its ConfigMaps, as in Kubernetes
        for (JsonNode from : container.path("envFrom")) {
            if (!from.has("configMapRef")) {
                // a secretRef, like valueFrom, is the caller's to supply
                continue;
            }
            String name = from.path("configMapRef").path("name").asText();
            JsonNode map = objects.stream().filter(o -> "ConfigMap".equals(o.path("kind").asText())
                    && name.equals(o.path("metadata").path("name").asText())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no ConfigMap " + name + " in " + base));
            map.path("data").properties().forEach(e -> environment.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode env : container.path("env")) {
            if (env.has("value")) {
                environment.put(env.path("name").asText(), env.path("value").asText());
            }
        }
        JsonNode security = container.path("securityContext");
        List<String> drop = new ArrayList<>();
        security.path("capabilities").path("drop").forEach(c -> drop.add(c.asText()));
        String tmpVolume = null;
        for (JsonNode mount : container.path("volumeMounts")) {
            if ("/tmp".equals(mount.path("mountPath").asText())) {
                tmpVolume = mount.path("name").asText();
            }
        }
        String tmpSize = null;
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(tmpVolume)) {
                tmpSize = volume.path("emptyDir").path("sizeLimit").asText(null);
            }
        }
        List<String> preStop = new ArrayList<>();
        container.path("lifecycle").path("preStop").path("exec").path("command").forEach(c -> preStop.add(c.asText()));
        return new PodSpec(module, pod.path("securityContext").path("runAsUser").asLong(-1),
                pod.path("securityContext").path("runAsGroup").asLong(-1),
                security.path("readOnlyRootFilesystem").asBoolean(false), List.copyOf(drop),
                !security.path("allowPrivilegeEscalation").asBoolean(true),
                container.path("resources").path("limits").path("memory").asText(null), tmpSize,
                Map.copyOf(environment), container.path("startupProbe").path("httpGet").path("path").asText(),
                container.path("livenessProbe").path("httpGet").path("path").asText(),
                container.path("readinessProbe").path("httpGet").path("path").asText(),
                container.path("readinessProbe").path("httpGet").path("port").asText(),
                new Readiness(container.path("readinessProbe").path("periodSeconds").asInt(10),
                        container.path("readinessProbe").path("timeoutSeconds").asInt(1),
                        container.path("readinessProbe").path("failureThreshold").asInt(3)),
                pod.path("terminationGracePeriodSeconds").asInt(30), List.copyOf(preStop));
    }

    /**
     * The arguments of {@code podman run} after "run": the manifest's settings, its environment with
     * {@code overrides} on top (the addresses of this machine's Kafka, database and identity provider, the ports of
     * the host network), {@code options} (a training run's volume), then the image.
     */
    public List<String> runArguments(String containerName, String image, Map<String, String> overrides,
            List<String> options) {
        List<String> args = new ArrayList<>(List.of("--rm", "--name", containerName, "--network", "host",
                "--user", user + ":" + group, "--memory", podmanSize(memoryLimit),
                // the JVM's perf data and Vert.x' file cache need /tmp; the manifest's emptyDir with its size
                "--read-only-tmpfs=false", "--tmpfs", "/tmp:rw,size=" + podmanSize(tmpSize) + ",mode=1777",
                "--stop-timeout", Integer.toString(gracePeriodSeconds)));
        if (readOnlyRoot) {
            args.add("--read-only");
        }
        dropCapabilities.forEach(c -> args.addAll(List.of("--cap-drop", c)));
        if (noPrivilegeEscalation) {
            args.addAll(List.of("--security-opt", "no-new-privileges"));
        }
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.putAll(overrides);
        env.forEach((key, value) -> args.addAll(List.of("--env", key + "=" + value)));
        args.addAll(options);
        args.add(image);
        return args;
    }

    /**
     * The board's credential programs as deploy/kubernetes/base's board profile defines them
     * ({@code certboard.programs.*}): a JVM of the local stack gets them as its pod would, so both run the same programs.
     */
    public static Map<String, String> programs(Path repoRoot) {
        Map<String, String> programs = new LinkedHashMap<>();
        objects(repoRoot.resolve("deploy/kubernetes/base")).stream()
                .filter(o -> "ConfigMap".equals(o.path("kind").asText())
                        && BOARD_PROFILE.equals(o.path("metadata").path("name").asText()))
                .forEach(map -> map.path("data").properties().stream()
                        .filter(e -> e.getKey().startsWith("certboard.programs."))
                        .forEach(e -> programs.put(e.getKey(), e.getValue().asText())));
        return programs;
    }

    /** Kubernetes quantities (512Mi, 64Mi) in podman's units. */
    static String podmanSize(String quantity) {
        if (quantity == null) {
            throw new IllegalStateException("the manifest sets no size here");
        }
        return quantity.replace("Mi", "m").replace("Gi", "g");
    }

    private static List<JsonNode> objects(Path base) {
        List<JsonNode> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(base)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                    while (docs.hasNext()) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                            objects.add(doc);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + base, e);
        }
        return objects;
    }
}
