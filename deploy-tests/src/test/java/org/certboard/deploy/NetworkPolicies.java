package org.certboard.deploy;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides, as Kubernetes does, whether rendered NetworkPolicies let a connection through: a pod selected by a policy
 * of a direction may only do what one of those policies' rules allows; both the sender's egress and the receiver's
 * ingress must allow it. Pods live in the overlay's namespace unless an {@link Endpoint} says otherwise; an address
 * outside the cluster is an {@link Endpoint} with an IP and no labels.
 */
final class NetworkPolicies {
    private final List<JsonNode> policies;
    private final String namespace;

    record Endpoint(String namespace, Map<String, String> labels, String ip) {
        static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace, labels, null);
        }

        static Endpoint address(String ip) {
            return new Endpoint(null, Map.of(), ip);
        }
    }

    NetworkPolicies(List<JsonNode> objects) {
        this.policies = objects.stream().filter(o -> o.path("kind").asText().equals("NetworkPolicy")).toList();
        this.namespace = policies.get(0).at("/metadata/namespace").asText();
    }

    Endpoint pod(Map<String, String> labels) {
        return Endpoint.pod(namespace, labels);
    }

    /** Whether {@code from} may open a TCP connection to {@code to} on {@code port}. */
    boolean allows(Endpoint from, Endpoint to, int port) {
        boolean egress = !isOurs(from) || allowed(from, "Egress", "egress", "to", to, port);
        boolean ingress = !isOurs(to) || allowed(to, "Ingress", "ingress", "from", from, port);
        return egress && ingress;
    }

    /**
     * Whether {@code from}'s egress policies let the connection out, for a receiver whose ingress policies are written
     * elsewhere (Strimzi writes Kafka's from the Kafka resource).
     */
    boolean lets(Endpoint from, Endpoint to, int port) {
        return allowed(from, "Egress", "egress", "to", to, port);
    }

    private boolean isOurs(Endpoint endpoint) {
        return namespace.equals(endpoint.namespace());
    }

    private boolean allowed(Endpoint pod, String type, String direction, String peers, Endpoint other, int port) {
        boolean selected = false;
        for (JsonNode policy : policies) {
            if (!matches(policy.at("/spec/podSelector"), pod.labels()) || !hasType(policy, type)) {
                continue;
            }
            selected = true;
            for (JsonNode rule : policy.at("/spec/" + direction)) {
                if (portMatches(rule.path("ports"), port) && peerMatches(rule.path(peers), other)) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static boolean hasType(JsonNode policy, String type) {
        JsonNode types = policy.at("/spec/policyTypes");
        if (types.isMissingNode()) {
            return type.equals("Ingress") || policy.at("/spec").has("egress");
        }
        for (JsonNode t : types) {
            if (t.asText().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            boolean tcp = p.path("protocol").asText("TCP").equals("TCP");
            int from = p.path("port").asInt(-1);
            int to = p.path("endPort").asInt(from);
            if (tcp && (p.path("port").isMissingNode() || (port >= from && port <= to))) {
                return true;
            }
        }
        return false;
    }

    private boolean peerMatches(JsonNode peers, Endpoint other) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (peer.has("ipBlock")) {
                if (other.ip() != null && inBlock(peer.path("ipBlock"), other.ip())) {
                    return true;
                }
                continue;
            }
            if (other.namespace() == null) {
                continue;
            }
            boolean namespaceOk = peer.has("namespaceSelector")
                    ? matches(peer.path("namespaceSelector"), Map.of("kubernetes.io/metadata.name", other.namespace()))
                    : namespace.equals(other.namespace());
            boolean podOk = !peer.has("podSelector") || matches(peer.path("podSelector"), other.labels());
            if (namespaceOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (Map.Entry<String, JsonNode> entry : selector.path("matchLabels").properties()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean listed = false;
            for (JsonNode v : expression.path("values")) {
                listed |= v.asText().equals(value);
            }
            boolean ok = switch (expression.path("operator").asText()) {
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                case "In" -> listed;
                case "NotIn" -> !listed;
                default -> throw new IllegalArgumentException("operator " + expression);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBlock(JsonNode block, String ip) {
        if (!inCidr(block.path("cidr").asText(), ip)) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidr(except.asText(), ip)) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String cidr, String ip) {
        try {
            String[] parts = cidr.split("/");
            byte[] network = InetAddress.getByName(parts[0]).getAddress();
            byte[] address = InetAddress.getByName(ip).getAddress();
            if (network.length != address.length) {
                return false;
            }
            int shift = network.length * 8 - Integer.parseInt(parts[1]);
            return new BigInteger(1, network).shiftRight(shift).equals(new BigInteger(1, address).shiftRight(shift));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr + " or " + ip, e);
        }
    }
}
