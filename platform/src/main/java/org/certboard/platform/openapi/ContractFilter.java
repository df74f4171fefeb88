package org.certboard.platform.openapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * What every certboard OpenAPI document shares, written once instead of on each of ~50 operations: the problem+json
 * schema behind every 4xx/5xx, the 401/403 answers of secured operations, the bearer requirement (and an explicit
 * empty one on public operations), and {@code required} on every
 * property of a schema that is returned (replies serialise every field, null included; what may be null says
 * {@code nullable} on the field). Runs when the service starts, after Quarkus has added the security requirements it
 * derives from {@code @RolesAllowed} (a filter at build time would run before them and see none).
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ContractFilter implements OASFilter {
    static final String BEARER = "bearer";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String RESPONSES = "#/components/responses/";
    /** The description Quarkus gives the 403 it adds to every secured operation. */
    private static final String QUARKUS_FORBIDDEN = "Not Allowed";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents()
                : openAPI.getComponents();
        openAPI.setComponents(components);
        addProblemSchemas(components);
        addSharedResponses(components);
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme(BEARER)));
        String service = serviceName(openAPI);
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> shape(operation, service)));
        }
        requireReturnedProperties(openAPI, components);
        inlineNullableAliases(components);
    }

    /**
     * SmallRye writes a nullable {@code LocalDate} or {@code UUID} member as {@code allOf: [$ref LocalDate]} beside
     * {@code nullable: true}; OpenAPI 3.0 gives {@code nullable} effect only beside a {@code type} in the same schema,
     * and the referenced alias admits no null, so by the letter null would be invalid. The alias is inlined instead
     * (type, format, pattern), which says the same and lets null through.
     */
    private static void inlineNullableAliases(Components components) {
        if (components.getSchemas() == null) {
            return;
        }
        for (Schema schema : components.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                Schema alias = nullableAlias(property, components);
                if (alias != null) {
                    property.setAllOf(null);
                    property.setAnyOf(null);
                    List<Schema.SchemaType> types = new ArrayList<>(alias.getType());
                    types.add(Schema.SchemaType.NULL);
                    property.setType(types);
                    property.setFormat(alias.getFormat());
                    property.setPattern(alias.getPattern());
                    if (property.getExample() == null) {
                        property.setExample(alias.getExample());
                    }
                }
            }
        }
    }

    /**
     * The primitive component a nullable member refers to, or null. The model is OpenAPI 3.1's (the 3.0 writer turns
     * it into {@code allOf} + {@code nullable}): the member is {@code anyOf: [$ref, {type: null}]}, or a one-element
     * {@code allOf} with {@code null} among its types.
     */
    private static Schema nullableAlias(Schema property, Components components) {
        List<Schema> members = new ArrayList<>();
        if (property.getAnyOf() != null) {
            members.addAll(property.getAnyOf());
        }
        if (property.getAllOf() != null) {
            members.addAll(property.getAllOf());
        }
        boolean nullable = Boolean.TRUE.equals(property.get("nullable"))
                || (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL))
                || members.stream().anyMatch(member -> member.getRef() == null && member.getType() != null
                        && member.getType().equals(List.of(Schema.SchemaType.NULL)));
        List<String> refs = members.stream().map(Schema::getRef).filter(ref -> ref != null && ref.startsWith(SCHEMAS))
                .toList();
        if (!nullable || refs.size() != 1) {
            return null;
        }
        Schema alias = components.getSchemas().get(refs.get(0).substring(SCHEMAS.length()));
        boolean primitive = alias != null && alias.getProperties() == null && alias.getType() != null
                && !alias.getType().isEmpty() && !alias.getType().contains(Schema.SchemaType.OBJECT)
                && !alias.getType().contains(Schema.SchemaType.ARRAY);
        return primitive ? alias : null;
    }

    private static void shape(Operation operation, String service) {
        // Quarkus names the bearer scheme on every operation behind @RolesAllowed (which roles: docs/security.md)
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            operation.getResponses().addAPIResponse("401",
                    OASFactory.createAPIResponse().ref(RESPONSES + "Unauthorized"));
            // an operation that refuses for a reason of its own (not only the role) describes its 403 itself;
            // otherwise Quarkus's placeholder gives way to the shared answer
            APIResponse forbidden = operation.getResponses().getAPIResponse("403");
            if (forbidden == null || QUARKUS_FORBIDDEN.equals(forbidden.getDescription())) {
                operation.getResponses().addAPIResponse("403",
                        OASFactory.createAPIResponse().ref(RESPONSES + "Forbidden"));
            }
        } else {
            // open to anyone (@PermitAll): the empty requirement overrides the document's bearer requirement
            operation.setSecurity(new ArrayList<>());
        }
        boolean takesInput = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY));
        if (takesInput && operation.getResponses().getAPIResponse("400") == null) {
            operation.getResponses().addAPIResponse("400", OASFactory.createAPIResponse());
        }
        operation.getResponses().getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                asProblem(code, response);
            }
        });
        // the sandbox clock is the one platform resource in every service: its ids name the service they belong to
        if (operation.getOperationId() != null && operation.getOperationId().contains("{service}")) {
            operation.setOperationId(operation.getOperationId().replace("{service}", service));
        }
    }

    private static void asProblem(String code, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null || response.getDescription().isBlank()
                || response.getDescription().equals("Bad Request")) {
            response.setDescription(defaultDescription(code));
        }
        if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(problemContent());
        }
    }

    private static String defaultDescription(String code) {
        return switch (code) {
            case "400" -> "Invalid request: `violations` names each field (or query parameter) and what is wrong";
            case "404" -> "Not found (or another person's record, answered exactly alike)";
            case "409" -> "Conflict with the current state";
            case "412" -> "The `If-Match` tag is stale: someone changed the resource; read it again";
            case "422" -> "Refused by a board rule";
            case "428" -> "`If-Match` is required: send the `ETag` of the version you read";
            default -> "Problem";
        };
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM)));
    }

    private static void addProblemSchemas(Components components) {
        Schema violation = object("A field-level validation failure")
                .addProperty("field", string("The body field or query parameter, e.g. `experience[0].hoursPerWeek`"))
                .addProperty("message", string("What is wrong with it"))
                .required(List.of("field", "message"));
        components.addSchema("ProblemViolation", violation);
        Schema missing = object("A renewal requirement not yet met")
                .addProperty("requirement", string("Which requirement, e.g. `ce-hours`"))
                .addProperty("detail", string("What is still missing"))
                .addProperty("category", string("The CE category of the certification's program short of its "
                        + "minimum (with `ETHICS_HOURS` and `CATEGORY_HOURS`); null for the other requirements")
                        .addType(Schema.SchemaType.NULL))
                .required(List.of("requirement", "detail", "category"));
        components.addSchema("MissingRequirement", missing);
        Schema problem = object("An RFC 9457 problem detail. `type` identifies the kind of problem (see "
                + "docs/problems.md); the extension members are present only on the problems that name them.")
                .addProperty("type", string("A URI per kind of problem, e.g. "
                        + "https://certboard.org/problems/sitting-full")
                        .format("uri"))
                .addProperty("title", string("Short, stable summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string("What happened in this case, for a person to read"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMAS + "ProblemViolation"))
                        .description("Invalid request (400): each invalid field"))
                .addProperty("missing", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMAS + "MissingRequirement"))
                        .description("Renewal refused (422): what the renewal still lacks"))
                .addProperty("candidateId", string("Not authorised (exam booking): the candidate concerned")
                        .format("uuid"))
                .addProperty("cutoff", string("Booking closed: when booking closed for the sitting")
                        .format("date-time"))
                .addProperty("seatsBooked", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").description("Capacity below bookings (409): seats already booked"))
                .addProperty("scaledScore", OASFactory.createSchema().description("Result already recorded (409): the "
                        + "score on record, or `no-show`"))
                .addProperty("field", string("The request field the problem is about"))
                .addProperty("currentETag", string("Precondition failed (412): the resource's entity tag now; read "
                        + "the resource again before deciding"))
                .addProperty("nameChanges", string("Name change needs a request (422): where the candidate asks for "
                        + "the change, /candidates/{id}/name-changes"))
                .required(List.of("type", "title", "status"));
        components.addSchema(PROBLEM, problem);
    }

    private static void addSharedResponses(Components components) {
        components.addResponse("Unauthorized", OASFactory.createAPIResponse()
                .description("No valid bearer token from the board's identity provider")
                .addHeader("WWW-Authenticate", header("`Bearer`"))
                .content(problemContent()));
        components.addResponse("Forbidden", OASFactory.createAPIResponse()
                .description("The token's roles may not call this operation (docs/security.md)")
                .content(problemContent()));
        components.addResponse("CandidateNotKnownYet", OASFactory.createAPIResponse()
                .description("This service has not yet learnt the caller's registration (moments after "
                        + "registering): retry after `Retry-After` seconds. Type `candidate-not-known-yet`")
                .addHeader("Retry-After", header("Seconds to wait before retrying")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)))
                .content(problemContent()));
    }

    /**
     * Every property of a schema that a reply carries is present (a service writes nulls too); which may be null says
     * {@code nullable} on the field. Request schemas keep what bean validation declares.
     */
    private static void requireReturnedProperties(OpenAPI openAPI, Components components) {
        if (openAPI.getPaths() == null || components.getSchemas() == null) {
            return;
        }
        Deque<String> todo = new ArrayDeque<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("2") && response.getContent() != null) {
                        response.getContent().getMediaTypes().values().stream().map(MediaType::getSchema)
                                .forEach(schema -> collectRefs(schema, todo));
                    }
                });
            }
        }
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String name = todo.pop();
            Schema schema = components.getSchemas().get(name);
            if (!seen.add(name) || schema == null || schema.getProperties() == null) {
                continue;
            }
            schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            schema.getProperties().values().forEach(property -> collectRefs(property, todo));
        }
    }

    private static void collectRefs(Schema schema, Deque<String> todo) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            todo.push(schema.getRef().substring(SCHEMAS.length()));
        }
        collectRefs(schema.getItems(), todo);
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(s -> collectRefs(s, todo));
        }
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(s -> collectRefs(s, todo));
        }
        if (schema.getOneOf() != null) {
            schema.getOneOf().forEach(s -> collectRefs(s, todo));
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(s -> collectRefs(s, todo));
        }
    }

    /** "certboard exam-service" → "ExamService", for the ids of the clock operations every service has. */
    private static String serviceName(OpenAPI openAPI) {
        String title = openAPI.getInfo() == null || openAPI.getInfo().getTitle() == null ? "service"
                : openAPI.getInfo().getTitle().replaceFirst("^certboard ", "");
        StringBuilder name = new StringBuilder();
        for (String part : title.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }

    private static Schema object(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).description(description)
                .properties(new LinkedHashMap<>());
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }

    private static Header header(String description) {
        return OASFactory.createHeader().description(description)
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
