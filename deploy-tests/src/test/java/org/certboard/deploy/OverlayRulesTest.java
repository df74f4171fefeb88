package org.certboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.certboard.deploy.NetworkPolicies.Endpoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deployment rules of issue 21 on the rendered overlays: the public base URL of credentials, a staging realm and
 * audience of its own, and NetworkPolicies that let each service reach only its own database and Kafka only its
 * peers.
 */
class OverlayRulesTest {
    private static final List<String> SERVICES = List.of("candidate-service", "exam-service", "renewal-service");
    private static final Map<String, List<JsonNode>> RENDERED = new HashMap<>();

    @BeforeAll
    static void render() throws Exception {
        for (String overlay : List.of("overlays/staging", "overlays/production")) {
            RENDERED.put(overlay, ManifestsTest.render(overlay));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/staging", "overlays/production" })
    void credentialsNameTheOverlaysOwnPublicVerificationHostOverHttps(String overlay) {
        List<JsonNode> objects = RENDERED.get(overlay);
        URI base = URI.create(env(objects, "renewal-service", "CERTBOARD_CREDENTIALS_BASE_URL"));

        assertThat(base.getScheme()).isEqualTo("https");
        assertThat(base.getHost()).doesNotStartWith("127.").isNotEqualTo("localhost").doesNotContain("svc.cluster");
        assertThat(base.getPath()).isEmpty();
        JsonNode ingress = find(objects, "Ingress", "certboard");
        assertThat(texts(ingress.at("/spec/tls/0/hosts"))).contains(base.getHost());
        // the addresses a credential carries reach renewal-service on that host
        for (String path : List.of("/verify", "/credentials", "/.well-known/jwks.json")) {
            assertThat(routedTo(ingress, base.getHost(), path)).as("%s%s", base, path).isEqualTo("renewal-service");
        }
    }

    @Test
    void stagingAndProductionCredentialsNameDifferentHosts() {
        assertThat(env(RENDERED.get("overlays/staging"), "renewal-service", "CERTBOARD_CREDENTIALS_BASE_URL"))
                .isNotEqualTo(env(RENDERED.get("overlays/production"), "renewal-service", "CERTBOARD_CREDENTIALS_BASE_URL"));
    }

    @Test
    void aStagingTokenIsRefusedInProductionForItsIssuerAndItsAudience() {
        JsonNode staging = find(RENDERED.get("overlays/staging"), "ConfigMap", "certboard-runtime").path("data");
        JsonNode production = find(RENDERED.get("overlays/production"), "ConfigMap", "certboard-runtime").path("data");

        assertThat(production.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).endsWith("/realms/certboard");
        assertThat(staging.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText()).endsWith("/realms/certboard-staging");
        assertThat(production.path("CERTBOARD_OIDC_AUDIENCE").asText()).isEqualTo("certboard");
        assertThat(staging.path("CERTBOARD_OIDC_AUDIENCE").asText()).isEqualTo("certboard-staging");
        for (List<JsonNode> objects : RENDERED.values()) {
            for (String service : SERVICES) {
                JsonNode container = find(objects, "Deployment", service).at("/spec/template/spec/containers/0");
                assertThat(texts(container.path("envFrom").findValues("name"))).as(service).contains("certboard-runtime");
                // nothing overrides the overlay's provider or audience per service
                assertThat(texts(container.path("env").findValues("name"))).as(service)
                        .doesNotContain("QUARKUS_OIDC_AUTH_SERVER_URL", "CERTBOARD_OIDC_AUDIENCE",
                                "QUARKUS_OIDC_TOKEN_AUDIENCE", "QUARKUS_OIDC_TOKEN_ISSUER");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/staging", "overlays/production" })
    void eachServiceReachesOnlyItsOwnDatabase(String overlay) {
        List<JsonNode> objects = RENDERED.get(overlay);
        NetworkPolicies network = new NetworkPolicies(objects);
        for (String service : SERVICES) {
            Endpoint pod = network.pod(podLabels(objects, service));
            for (String other : SERVICES) {
                Endpoint database = network.pod(Map.of("cnpg.io/cluster", database(other), "cnpg.io/instanceRole", "primary"));
                assertThat(network.allows(pod, database, 5432)).as("%s -> %s", service, database(other))
                        .isEqualTo(service.equals(other));
                assertThat(network.allows(pod, network.pod(podLabels(objects, other)), 8080))
                        .as("%s -> %s", service, other).isFalse();
            }
            Endpoint instance = network.pod(Map.of("cnpg.io/cluster", database(service)));
            assertThat(network.allows(instance, network.pod(Map.of("cnpg.io/cluster", database(service))), 5432))
                    .as("replication within %s", database(service)).isTrue();
            assertThat(network.allows(instance, network.pod(Map.of("cnpg.io/cluster", database(otherThan(service)))),
                    5432)).as("%s -> another database", database(service)).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/staging", "overlays/production" })
    void kafkaTalksOnlyToItsPeersAndTheServicesReachOnlyItsBrokers(String overlay) {
        List<JsonNode> objects = RENDERED.get(overlay);
        NetworkPolicies network = new NetworkPolicies(objects);
        Endpoint broker = network.pod(Map.of("strimzi.io/cluster", "certboard", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "certboard-kafka", "strimzi.io/pool-name", "combined"));
        Endpoint entityOperator = network.pod(Map.of("strimzi.io/cluster", "certboard", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "certboard-entity-operator"));

        // Strimzi writes the brokers' ingress policies; these check what leaves each pod
        assertThat(network.lets(broker, broker, 9091)).as("replication").isTrue();
        assertThat(network.lets(broker, broker, 9090)).as("controller quorum").isTrue();
        assertThat(network.lets(entityOperator, broker, 9091)).isTrue();
        for (String service : SERVICES) {
            Endpoint pod = network.pod(podLabels(objects, service));
            assertThat(network.lets(pod, broker, 9092)).as(service).isTrue();
            assertThat(network.lets(pod, broker, 9093)).as(service).isTrue();
            assertThat(network.lets(pod, entityOperator, 9093)).as(service).isFalse();
            assertThat(network.lets(broker, pod, 8080)).as("Kafka -> %s", service).isFalse();
            assertThat(network.lets(broker, network.pod(Map.of("cnpg.io/cluster", database(service))), 5432))
                    .as("Kafka -> %s", database(service)).isFalse();
        }
        for (int port : List.of(25, 587, 9092, 80)) {
            assertThat(network.lets(broker, Endpoint.address("203.0.113.7"), port)).as("Kafka -> internet:%s", port)
                    .isFalse();
        }
    }

    @Test
    void productionKafkaListenersAdmitOnlyTheServices() {
        List<JsonNode> objects = RENDERED.get("overlays/production");
        JsonNode listeners = find(objects, "Kafka", "certboard").at("/spec/kafka/listeners");
        assertThat(listeners).isNotEmpty();
        for (JsonNode listener : listeners) {
            JsonNode peers = listener.path("networkPolicyPeers");
            assertThat(peers).as(listener.path("name").asText()).hasSize(1);
            JsonNode selector = peers.get(0).path("podSelector");
            for (String service : SERVICES) {
                assertThat(NetworkPolicies.matches(selector, podLabels(objects, service))).as(service).isTrue();
            }
            assertThat(NetworkPolicies.matches(selector, Map.of("cnpg.io/cluster", "renewal-db"))).isFalse();
            assertThat(peers.get(0).has("namespaceSelector")).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "overlays/staging", "overlays/production" })
    void theEdgeLetsInTheIngressAndMonitoringAndOnlyTheMailAndWebhookSenderGoesOut(String overlay) {
        List<JsonNode> objects = RENDERED.get(overlay);
        NetworkPolicies network = new NetworkPolicies(objects);
        Endpoint ingress = Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Endpoint monitoring = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Endpoint internet = Endpoint.address("203.0.113.7");
        for (String service : SERVICES) {
            Map<String, String> labels = podLabels(objects, service);
            Endpoint pod = network.pod(labels);
            assertThat(network.allows(ingress, pod, 8080)).isTrue();
            assertThat(network.allows(ingress, pod, 9000)).isFalse();
            assertThat(network.allows(monitoring, pod, 9000)).isTrue();
            // candidate-service sends the mail and the webhooks (it holds the addresses and the partners' consent)
            boolean sender = service.equals("candidate-service");
            assertThat(labels.get("certboard.org/egress")).as(service)
                    .isEqualTo(sender ? "mail-and-webhooks" : null);
            for (int port : List.of(443, 587, 465, 25)) {
                assertThat(network.allows(pod, internet, port)).as("%s -> internet:%s", service, port)
                        .isEqualTo(sender);
            }
            if (sender) {
                assertThat(network.allows(pod, internet, 22)).isFalse();
                assertThat(network.allows(pod, Endpoint.address("10.1.2.3"), 443)).as("not into the cluster")
                        .isFalse();
                assertThat(network.allows(pod, Endpoint.address("169.254.169.254"), 443))
                        .as("not the metadata service").isFalse();
            }
        }
    }

    private static String database(String service) {
        return service.replace("-service", "-db");
    }

    private static String otherThan(String service) {
        return SERVICES.get((SERVICES.indexOf(service) + 1) % SERVICES.size());
    }

    private static Map<String, String> podLabels(List<JsonNode> objects, String deployment) {
        Map<String, String> labels = new HashMap<>();
        find(objects, "Deployment", deployment).at("/spec/template/metadata/labels").properties()
                .forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static String env(List<JsonNode> objects, String deployment, String name) {
        for (JsonNode variable : find(objects, "Deployment", deployment).at("/spec/template/spec/containers/0/env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError(deployment + " has no " + name);
    }

    private static String routedTo(JsonNode ingress, String host, String path) {
        for (JsonNode rule : ingress.at("/spec/rules")) {
            if (!rule.path("host").asText().equals(host)) {
                continue;
            }
            for (JsonNode route : rule.at("/http/paths")) {
                String prefix = route.path("path").asText();
                boolean exact = route.path("pathType").asText().equals("Exact");
                if (exact ? path.equals(prefix) : path.equals(prefix) || path.startsWith(prefix + "/")) {
                    return route.at("/backend/service/name").asText();
                }
            }
        }
        return null;
    }

    private static JsonNode find(List<JsonNode> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static List<String> texts(Iterable<JsonNode> nodes) {
        List<String> texts = new ArrayList<>();
        nodes.forEach(n -> texts.add(n.asText()));
        return texts;
    }
}
