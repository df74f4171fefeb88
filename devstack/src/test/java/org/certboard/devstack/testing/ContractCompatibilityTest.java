package org.certboard.devstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.output.MarkdownRender;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The committed OpenAPI documents (docs/openapi/NAME.json, equal to what each service serves: its
 * OpenApiDocumentTest) keep every promise of the baseline (docs/openapi/baseline/NAME.json): no path removed, no
 * field removed or newly required, no type changed. A deliberate break moves the baseline (docs/api.md).
 */
class ContractCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "candidate-service", "exam-service", "renewal-service" })
    void theCommittedDocumentKeepsTheBaselinesPromises(String service) throws IOException {
        ChangedOpenApi diff = OpenApiCompare.fromContents(read(baseline(service)),
                read(OpenApiContract.committed(service)));
        assertThat(diff.isIncompatible())
                .as("%s breaks its contract against %s; if the break is deliberate, follow docs/api.md (Breaking"
                        + " changes):%n%s", service, baseline(service), render(diff))
                .isFalse();
    }

    /** The check can fail: each kind of break it exists for, made to a copy of the baseline, is caught. */
    @ParameterizedTest
    @ValueSource(strings = { "removed path", "removed field", "newly required field", "changed type" })
    void eachKindOfBreakIsCaught(String kind) throws IOException {
        String before = read(baseline("exam-service"));
        ObjectNode after = (ObjectNode) JSON.readTree(before);
        ObjectNode schemas = (ObjectNode) after.path("components").path("schemas");
        switch (kind) {
            case "removed path" -> ((ObjectNode) after.path("paths")).remove("/bookings/{id}");
            case "removed field" -> {
                ObjectNode view = (ObjectNode) schemas.path("BookingView");
                ((ObjectNode) view.path("properties")).remove("deferred");
                removeFromArray((ArrayNode) view.path("required"), "deferred");
            }
            case "newly required field" -> ((ArrayNode) schemas.path("NewWindow").path("required")).add("passMark");
            case "changed type" -> ((ObjectNode) schemas.path("BookingView").path("properties").path("deferred"))
                    .put("type", "string");
            default -> throw new IllegalArgumentException(kind);
        }
        assertThat(OpenApiCompare.fromContents(before, JSON.writeValueAsString(after)).isIncompatible())
                .as(kind).isTrue();
    }

    private static void removeFromArray(ArrayNode array, String value) {
        for (int i = 0; i < array.size(); i++) {
            if (array.get(i).asText().equals(value)) {
                array.remove(i);
                return;
            }
        }
    }

    private static Path baseline(String service) {
        return OpenApiContract.repoRoot().resolve("docs/openapi/baseline/" + service + ".json");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file);
    }

    private static String render(ChangedOpenApi diff) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            new MarkdownRender().render(diff, writer);
        } catch (IOException e) {
            return "(the diff could not be rendered: " + e + ")";
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
