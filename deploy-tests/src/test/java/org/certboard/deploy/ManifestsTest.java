package org.certboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Renders each overlay with {@code kubectl kustomize} and validates every object: Kubernetes and Prometheus Operator
 * kinds with npm {@code kubernetes-models} (schemas generated from the Kubernetes OpenAPI and the operator's CRDs),
 * Strimzi kinds against the CRDs Strimzi's own generator builds from {@code io.strimzi:api} (unknown fields rejected,
 * as {@code kubectl --validate=strict} would), CloudNativePG objects (no CRD schema on the registries reachable here)
 * on the fields the manifests rely on; then the board's policy.
 */
class ManifestsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path WORK = Path.of("target", "manifests").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> STRIMZI = new HashMap<>();

    @BeforeAll
    static void schemas() throws Exception {
        Files.createDirectories(WORK);
        Path node = WORK.resolve("node");
        Files.createDirectories(node);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(ROOT.resolve("deploy-tests/src/test/node/" + file), node.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(node.resolve("node_modules/kubernetes-models"))) {
            run(node, null, "npm", "ci", "--no-audit", "--no-fund");
        }
        Map<String, String> crds = Map.of("Kafka", "io.strimzi.api.kafka.model.kafka.Kafka",
                "KafkaNodePool", "io.strimzi.api.kafka.model.nodepool.KafkaNodePool",
                "KafkaTopic", "io.strimzi.api.kafka.model.topic.KafkaTopic",
                "KafkaUser", "io.strimzi.api.kafka.model.user.KafkaUser");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.strimzi.crdgenerator.CrdGenerator",
                "--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1", "--yaml"));
        crds.forEach((kind, type) -> command.add(type + "=" + WORK.resolve(kind + ".yaml")));
        run(WORK, null, command.toArray(String[]::new));
        ObjectMapper yaml = new YAMLMapper();
        for (String kind : crds.keySet()) {
            JsonNode crd = yaml.readTree(WORK.resolve(kind + ".yaml").toFile());
            JsonNode schema = crd.at("/spec/versions/0/schema/openAPIV3Schema").deepCopy();
            closeObjects(schema);
            STRIMZI.put(kind, JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema));
        }
    }

    /** Structural schemas prune unknown fields; strict validation rejects them, so a misspelt field is caught. */
    private static void closeObjects(JsonNode schema) {
        if (schema instanceof ObjectNode object && object.has("properties")
                && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)
                && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        schema.forEach(ManifestsTest::closeObjects);
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/staging", "overlays/production" })
    void everyObjectIsValidAndFollowsTheBoardsPolicy(String overlay) throws Exception {
        List<JsonNode> objects = render(overlay);
        assertThat(objects).isNotEmpty();

        String nodeResult = run(WORK.resolve("node"), JSON.writeValueAsString(objects), "node", "validate.mjs");
        assertThat(nodeResult).contains("validated ");

        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            String name = kind + " " + object.at("/metadata/name").asText();
            if (object.path("apiVersion").asText().startsWith("kafka.strimzi.io/")) {
                assertThat(object.path("apiVersion").asText()).as(name).isEqualTo("kafka.strimzi.io/v1");
                JsonSchema schema = STRIMZI.get(kind);
                assertThat(schema).as("schema for %s", name).isNotNull();
                for (ValidationMessage message : schema.validate(object)) {
                    problems.add(name + ": " + message.getMessage());
                }
            }
            if (object.path("apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
                problems.addAll(CloudNativePg.check(object, overlay.endsWith("production")));
            }
        }
        problems.addAll(Policy.check(objects, overlay.endsWith("production")));
        assertThat(problems).isEmpty();
    }

    /** The objects {@code kubectl kustomize} renders for a folder under deploy/kubernetes. */
    static List<JsonNode> render(String overlay) throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        String rendered = run(ROOT, null, "kubectl", "kustomize", ROOT.resolve("deploy/kubernetes/" + overlay).toString());
        List<JsonNode> objects = new ArrayList<>();
        for (JsonNode object : new YAMLMapper().readValues(new YAMLFactory().createParser(rendered), JsonNode.class)
                .readAll()) {
            if (!object.isNull()) {
                objects.add(object);
            }
        }
        return objects;
    }

    static String run(Path directory, String input, String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(WORK, "out", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        Process process = builder.start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("%s finished", command[0]).isTrue();
        String text = Files.readString(output);
        Files.delete(output);
        assertThat(process.exitValue()).as("%s: %s", String.join(" ", command), text).isZero();
        return text;
    }
}
