package org.certboard.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** What a platform team requires of every certboard workload (docs/operations.md). */
final class Policy {
    private static final int MANAGEMENT_PORT = 9000;
    /** A label matcher on a label that names code: {@code {class="…"}}, {@code , method=~"…"}. */
    private static final Pattern CODE_LABEL = Pattern.compile("[{,]\\s*(class|method)\\s*(?:=|!=|=~|!~)");

    private Policy() {
    }

    static List<String> check(List<JsonNode> objects, boolean production) {
        List<String> problems = new ArrayList<>();
        boolean defaultDeny = objects.stream().anyMatch(o -> o.path("kind").asText().equals("NetworkPolicy")
                && o.at("/spec/podSelector").isEmpty() && o.at("/spec/policyTypes").size() == 2
                && !o.at("/spec").has("ingress") && !o.at("/spec").has("egress"));
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy");
        }
        for (JsonNode deployment : objects) {
            if (!deployment.path("kind").asText().equals("Deployment")) {
                continue;
            }
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            if (!pod.at("/securityContext/runAsNonRoot").asBoolean(false)) {
                problems.add(name + ": pod not runAsNonRoot");
            }
            if (!pod.at("/securityContext/seccompProfile/type").asText().equals("RuntimeDefault")) {
                problems.add(name + ": seccomp profile not RuntimeDefault");
            }
            // benchmarks/rolling-restart: surge first, so a rolling update never has fewer ready pods than replicas
            if (deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt(-1) != 0
                    || deployment.at("/spec/strategy/rollingUpdate/maxSurge").asInt(0) < 1) {
                problems.add(name + ": rolling update not surge-first (maxSurge >= 1, maxUnavailable 0)");
            }
            if (pod.path("topologySpreadConstraints").size() < 2) {
                problems.add(name + ": not spread across zones and nodes");
            }
            for (JsonNode container : pod.path("containers")) {
                String c = name + "/" + container.path("name").asText();
                JsonNode security = container.path("securityContext");
                if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                    problems.add(c + ": root filesystem writable");
                }
                if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                    problems.add(c + ": privilege escalation allowed");
                }
                if (!security.at("/capabilities/drop").toString().contains("\"ALL\"")) {
                    problems.add(c + ": capabilities not dropped");
                }
                boolean tmp = false;
                for (JsonNode mount : container.path("volumeMounts")) {
                    tmp |= mount.path("mountPath").asText().equals("/tmp");
                }
                if (!tmp) {
                    problems.add(c + ": no writable /tmp");
                }
                for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                    if (managementPort(container, container.at("/" + probe + "/httpGet/port")) != MANAGEMENT_PORT) {
                        problems.add(c + ": " + probe + " not on the management port");
                    }
                }
                if (container.at("/resources/requests/cpu").isMissingNode()
                        || container.at("/resources/requests/memory").isMissingNode()
                        || container.at("/resources/limits/memory").isMissingNode()) {
                    problems.add(c + ": resources (cpu and memory requests, memory limit) missing");
                }
                for (JsonNode env : container.path("env")) {
                    if (env.path("name").asText().equals("JDK_JAVA_OPTIONS")) {
                        problems.add(c + ": sets JDK_JAVA_OPTIONS, which replaces the image's (its AOT cache)");
                    }
                }
                if (container.at("/lifecycle/preStop").isMissingNode()) {
                    problems.add(c + ": no preStop (requests would reach a stopping pod)");
                }
                String image = container.path("image").asText();
                if (production && (image.endsWith(":latest") || !image.contains(":")
                        || !image.contains("/") || image.startsWith("certboard/"))) {
                    problems.add(c + ": production image not pinned to the board's registry: " + image);
                }
            }
            if (!has(objects, "PodDisruptionBudget", name)) {
                problems.add(name + ": no PodDisruptionBudget");
            }
            if (!has(objects, "HorizontalPodAutoscaler", name)) {
                problems.add(name + ": no HorizontalPodAutoscaler");
            }
            if (!has(objects, "ServiceMonitor", name)) {
                problems.add(name + ": no ServiceMonitor");
            }
        }
        if (objects.stream().noneMatch(o -> o.path("kind").asText().equals("PrometheusRule"))) {
            problems.add("no PrometheusRule");
        }
        problems.addAll(alertsNamingCode(objects));
        return problems;
    }

    /**
     * An alert selects metrics by what they measure, never by a Java class or method label: a package move or a
     * renamed method would silently blind it (docs/operations.md).
     */
    static List<String> alertsNamingCode(List<JsonNode> objects) {
        List<String> problems = new ArrayList<>();
        for (JsonNode rules : objects) {
            if (!rules.path("kind").asText().equals("PrometheusRule")) {
                continue;
            }
            for (JsonNode rule : rules.at("/spec/groups").findValues("rules").stream()
                    .flatMap(list -> StreamSupport.stream(list.spliterator(), false)).toList()) {
                Matcher label = CODE_LABEL.matcher(rule.path("expr").asText());
                if (label.find()) {
                    problems.add(rule.path("alert").asText() + ": selects by the code label '" + label.group(1)
                            + "'; alert on a metric named for what it measures");
                }
            }
        }
        return problems;
    }

    private static int managementPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        for (JsonNode declared : container.path("ports")) {
            if (declared.path("name").asText().equals(port.asText())) {
                return declared.path("containerPort").asInt();
            }
        }
        return -1;
    }

    private static boolean has(List<JsonNode> objects, String kind, String name) {
        return objects.stream().anyMatch(o -> o.path("kind").asText().equals(kind)
                && o.at("/metadata/name").asText().equals(name));
    }
}
