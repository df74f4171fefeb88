package org.certboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Keeps the records, the JSON Schemas and the integrator docs of every event type in step. */
class EventContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theSchemaExampleIsValidAndReadsAsTheRecord(EventType type) throws IOException {
        JsonNode example = schema(type).path("examples").path(0);
        assertFalse(example.isMissingNode(), type + " has no example in its schema");
        assertEquals(Set.of(), EventCodec.validate(type, example.toString()));

        EventPayload payload = EventCodec.read(type, example.toString());
        assertEquals(type.payloadType(), payload.getClass());
        assertEquals(EventType.of(payload), type);
        assertEquals(Set.of(), EventCodec.validate(type, EventCodec.toJson(payload)), "the record writes valid JSON");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFieldOfTheRecordIsInTheSchemaAndRequired(EventType type) throws IOException {
        JsonNode schema = schema(type);
        for (var component : type.payloadType().getRecordComponents()) {
            assertTrue(schema.path("properties").has(component.getName()), type + " schema lacks " + component.getName());
            boolean required = schema.path("required").toString().contains("\"" + component.getName() + "\"");
            boolean addedLater = component.isAnnotationPresent(OptionalField.class);
            assertEquals(!addedLater, required, type + ": " + component.getName() + " must be required unless it was"
                    + " added after the type was published (@OptionalField), and then it must not be");
        }
    }

    /** Events written before a field was added stay on the topic for years: they must still read. */
    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWrittenBeforeAnOptionalFieldExistedStillReads(EventType type) throws IOException {
        ObjectNode older = (ObjectNode) schema(type).path("examples").path(0).deepCopy();
        for (var component : type.payloadType().getRecordComponents()) {
            if (component.isAnnotationPresent(OptionalField.class)) {
                older.remove(component.getName());
            }
        }
        assertEquals(Set.of(), EventCodec.validate(type, older.toString()));
        assertEquals(type.payloadType(), EventCodec.read(type, older.toString()).getClass());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void aPayloadMissingARequiredFieldIsRejected(EventType type) throws IOException {
        ObjectNode broken = (ObjectNode) schema(type).path("examples").path(0).deepCopy();
        broken.remove("candidateId");
        assertFalse(EventCodec.validate(type, broken.toString()).isEmpty());
        assertThrows(InvalidEventException.class, () -> EventCodec.read(type, broken.toString()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theIntegratorDocsDescribeEveryType(EventType type) throws IOException {
        assertTrue(Files.readString(Path.of("../docs/asyncapi.yaml")).contains("name: " + type.type()),
                "docs/asyncapi.yaml lacks " + type.type());
        assertTrue(Files.readString(Path.of("../docs/events.md")).contains("`" + type.type() + "`"),
                "docs/events.md lacks " + type.type());
    }

    private static JsonNode schema(EventType type) throws IOException {
        try (InputStream in = EventContractTest.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            return JSON.readTree(in);
        }
    }
}
