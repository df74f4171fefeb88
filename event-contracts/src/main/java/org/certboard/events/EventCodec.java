package org.certboard.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Reads and writes event payloads exactly one way for every service, and checks them against their JSON Schema.
 * Unknown fields are tolerated on read so that a v1 consumer keeps working when a producer adds a field.
 */
public final class EventCodec {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<EventType, JsonSchema> SCHEMAS = loadSchemas();

    private EventCodec() {
    }

    public static String toJson(EventPayload payload) {
        try {
            return MAPPER.writeValueAsString(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload as the JSON tree {@link #toJson} writes: for a document that embeds the event's data. */
    public static JsonNode toTree(EventPayload payload) {
        return MAPPER.valueToTree(payload);
    }

    /**
     * Writes a payload for publishing, checked against its JSON Schema first: a producer must never publish what its
     * consumers would dead-letter. One tree conversion and one validation with the schema compiled at class load, so
     * it is cheap enough to stay on for every event.
     *
     * @throws InvalidEventException when the payload breaks its own schema (a bug in the producer)
     */
    public static String toValidJson(EventPayload payload) {
        EventType type = EventType.of(payload);
        JsonNode tree = toTree(payload);
        Set<String> problems = validate(type, tree);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("refusing to publish " + type.type() + " that breaks its schema: "
                    + String.join("; ", problems));
        }
        try {
            return MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses and validates one event's data.
     *
     * @throws InvalidEventException when the JSON is malformed, breaks the schema or cannot be mapped
     */
    public static <T extends EventPayload> T read(EventType type, String json) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException("data is not JSON: " + e.getMessage());
        }
        if (tree == null) {
            throw new InvalidEventException("data is empty");
        }
        Set<String> problems = validate(type, tree);
        if (!problems.isEmpty()) {
            throw new InvalidEventException("data breaks the schema of " + type.type() + ": " + String.join("; ", problems));
        }
        try {
            @SuppressWarnings("unchecked")
            T payload = (T) MAPPER.treeToValue(tree, type.payloadType());
            return payload;
        } catch (IOException e) {
            throw new InvalidEventException("data cannot be read as " + type.type() + ": " + e.getMessage());
        }
    }

    /** Schema violations of a payload, empty when it is valid. */
    public static Set<String> validate(EventType type, String json) {
        try {
            return validate(type, MAPPER.readTree(json));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    private static Set<String> validate(EventType type, JsonNode tree) {
        return SCHEMAS.get(type).validate(tree).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static Map<EventType, JsonSchema> loadSchemas() {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        com.networknt.schema.SchemaValidatorsConfig config = com.networknt.schema.SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true).build();
        Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            try (InputStream in = EventCodec.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
                if (in == null) {
                    throw new IllegalStateException("missing JSON Schema " + type.schemaResource());
                }
                schemas.put(type, factory.getSchema(in, config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schemas;
    }
}
