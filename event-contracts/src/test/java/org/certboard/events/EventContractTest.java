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

import org.certboard.events.renewal.CeCreditLogged;
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
    void everyFieldOfTheRecordIsInTheSchemaAndRequiredUnlessAddedLater(EventType type) throws IOException {
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
    void anEventWrittenBeforeItsOptionalFieldsExistedIsStillValid(EventType type) throws IOException {
        ObjectNode older = (ObjectNode) schema(type).path("examples").path(0).deepCopy();
        for (var component : type.payloadType().getRecordComponents()) {
            if (component.isAnnotationPresent(OptionalField.class)) {
                older.remove(component.getName());
            }
        }
        assertEquals(Set.of(), EventCodec.validate(type, older.toString()));
        EventCodec.read(type, older.toString());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEmailFollowsTheOneRuleTheApiApplies(EventType type) throws IOException {
        JsonNode email = schema(type).path("properties").path("email");
        if (!email.isMissingNode()) {
            assertEquals(EmailAddress.PATTERN, email.path("pattern").asText(), type + " email pattern");
            assertEquals(EmailAddress.MAX_LENGTH, email.path("maxLength").asInt(), type + " email maxLength");
            assertTrue(email.path("format").isMissingNode(), type + ": format email disagrees with the API's rule");
        }
    }

    /** v1 is no longer published but still read from the topic: its email rule is the API's. */
    @org.junit.jupiter.api.Test
    void unusualButValidAddressesPassTheSchemaAndBrokenOnesDoNot() {
        for (String address : java.util.List.of("jane@clinic.test", "o'brien+ccm@example.org",
                "zoë.ångström@bücher.example", "x@sub.domain.museum", "a@b.photography")) {
            assertEquals(Set.of(), EventCodec.validate(EventType.CANDIDATE_REGISTERED_V1, registered(address)), address);
            assertTrue(java.util.regex.Pattern.matches(EmailAddress.PATTERN, address), address);
        }
        for (String address : java.util.List.of("no-at-sign.example.org", "two@@example.org", "space @example.org",
                "jane@localhost", "jane@example.")) {
            assertFalse(EventCodec.validate(EventType.CANDIDATE_REGISTERED_V1, registered(address)).isEmpty(), address);
            assertFalse(java.util.regex.Pattern.matches(EmailAddress.PATTERN, address), address);
        }
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyCeProviderIdFollowsTheOneRuleTheApiApplies(EventType type) throws IOException {
        JsonNode provider = schema(type).path("properties").path("providerId");
        if (!provider.isMissingNode()) {
            assertEquals(CeProviderId.PATTERN, provider.path("pattern").asText(), type + " providerId pattern");
            assertEquals(CeProviderId.MAX_LENGTH, provider.path("maxLength").asInt(), type + " providerId maxLength");
        }
    }

    /** A provider's webhook subscription matches the identifier exactly: schema and API must agree on every one. */
    @org.junit.jupiter.api.Test
    void aCeCreditNamesItsProviderOrNoneAndTheSchemaAndTheApiAgreeOnTheRule() {
        for (String id : java.util.List.of("CMSA-0042", "a", "ancc.P0123_x", "9", "A".repeat(CeProviderId.MAX_LENGTH))) {
            assertEquals(Set.of(), EventCodec.validate(EventType.CE_CREDIT_LOGGED, credit(JSON.valueToTree(id))), id);
            assertTrue(java.util.regex.Pattern.matches(CeProviderId.PATTERN, id), id);
        }
        for (String id : java.util.List.of("", " CMSA", "CMSA 42", "-lead", ".hidden", "CMSA/42", "ÄRZTE-1",
                "a%20b", "A".repeat(CeProviderId.MAX_LENGTH + 1))) {
            assertFalse(EventCodec.validate(EventType.CE_CREDIT_LOGGED, credit(JSON.valueToTree(id))).isEmpty(), id);
            assertFalse(java.util.regex.Pattern.matches(CeProviderId.PATTERN, id), id);
        }
        CeCreditLogged none = EventCodec.read(EventType.CE_CREDIT_LOGGED, credit(JSON.nullNode()));
        assertEquals(null, none.providerId());
        CeCreditLogged named = EventCodec.read(EventType.CE_CREDIT_LOGGED, credit(JSON.valueToTree("CMSA-0042")));
        assertEquals("CMSA-0042", named.providerId());
        assertTrue(EventCodec.toValidJson(named).contains("\"providerId\":\"CMSA-0042\""));
    }

    private static String credit(JsonNode providerId) {
        ObjectNode credit = JSON.createObjectNode().put("candidateId", "5b0d3c1e-8a51-4c3e-9a8e-2f6a1c7d9e04")
                .put("number", "CCM-2027-000123").put("creditId", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
                .put("hours", 2).put("ethics", false).put("completedOn", "2029-05-20");
        credit.set("providerId", providerId);
        return credit.toString();
    }

    @org.junit.jupiter.api.Test
    void aPayloadThatBreaksItsSchemaIsNeverWrittenForPublishing() {
        var broken = new org.certboard.events.candidate.CandidateRegistered(java.util.UUID.randomUUID(), "subject-1",
                "", "Okafor", java.time.Instant.now());
        assertThrows(InvalidEventException.class, () -> EventCodec.toValidJson(broken));
        var fine = new org.certboard.events.candidate.CandidateRegistered(java.util.UUID.randomUUID(), "subject-1",
                "Grace", "O'Brien-Øster", java.time.Instant.now());
        assertEquals(EventCodec.toJson(fine).length(), EventCodec.toValidJson(fine).length());
    }

    private static String registered(String email) {
        return "{\"candidateId\":\"5b0d3c1e-8a51-4c3e-9a8e-2f6a1c7d9e04\",\"givenName\":\"G\",\"familyName\":\"O\","
                + "\"email\":" + JSON.valueToTree(email) + ",\"registeredAt\":\"2026-11-26T14:03:12.511Z\"}";
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
