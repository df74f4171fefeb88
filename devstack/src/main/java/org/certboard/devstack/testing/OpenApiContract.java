package org.certboard.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The committed OpenAPI document of a service (docs/openapi/NAME.json) against the one it serves. A service's test
 * calls {@link #check}: it fails when the two differ, or when the served document breaks a rule of the contract
 * (docs/api.md). Regenerate the committed documents with {@code -Dcertboard.openapi.write=true} (see docs/api.md).
 */
public final class OpenApiContract {
    public static final String WRITE_PROPERTY = "certboard.openapi.write";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private OpenApiContract() {
    }

    /** The committed document of {@code service}, e.g. docs/openapi/exam-service.json, from a module directory. */
    public static Path committed(String service) {
        return repoRoot().resolve("docs/openapi/" + service + ".json");
    }

    /** The repository root: the nearest parent of the working directory that holds docs/openapi. */
    public static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("docs"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no docs/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /**
     * The rules every served document keeps, as messages (empty when it keeps them all): an operation id, a
     * summary and a described tag on each operation, no id twice, a problem+json body on every error response, a
     * Location header on every 201, and no security requirement left unexplained.
     */
    public static List<String> violations(JsonNode doc) {
        List<String> found = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> describedTags = new HashSet<>();
        doc.path("tags").forEach(tag -> {
            if (!tag.path("description").asText("").isBlank()) {
                describedTags.add(tag.path("name").asText());
            }
        });
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String where = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = op.getValue();
                String id = operation.path("operationId").asText("");
                if (id.isBlank()) {
                    found.add(where + ": no operationId");
                } else if (!ids.add(id)) {
                    found.add(where + ": operationId " + id + " used twice");
                }
                if (operation.path("summary").asText("").isBlank()) {
                    found.add(where + ": no summary");
                }
                if (operation.path("tags").size() != 1 || !describedTags.contains(operation.path("tags").get(0).asText())) {
                    found.add(where + ": not exactly one described tag");
                }
                if (!operation.has("security")) {
                    found.add(where + ": no security requirement (bearer roles, or [] for an open operation)");
                }
                boolean success = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields(); responses
                        .hasNext();) {
                    Map.Entry<String, JsonNode> response = responses.next();
                    String code = response.getKey();
                    JsonNode answer = response.getValue();
                    success |= code.startsWith("2");
                    if ((code.startsWith("4") || code.startsWith("5")) && !answer.has("$ref")
                            && !answer.path("content").has("application/problem+json")) {
                        found.add(where + ": " + code + " without an application/problem+json body");
                    }
                    if (code.equals("201") && !answer.path("headers").has("Location")) {
                        found.add(where + ": 201 without a Location header");
                    }
                }
                if (!success) {
                    found.add(where + ": no success response");
                }
            }
        }
        return found;
    }

    /**
     * Compares the served document with the committed one; with {@code -Dcertboard.openapi.write=true} writes the
     * served one instead. Both are compared in one canonical form (keys sorted, indented), the form committed.
     */
    public static void check(String service, String served) {
        Path file = committed(service);
        try {
            String canonical = canonical(served);
            if (Boolean.getBoolean(WRITE_PROPERTY)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, canonical);
                return;
            }
            if (!Files.exists(file)) {
                throw new AssertionError(file + " is missing; write it with -D" + WRITE_PROPERTY + "=true (docs/api.md)");
            }
            String committed = canonical(Files.readString(file));
            if (!committed.equals(canonical)) {
                throw new AssertionError("the OpenAPI document served by " + service + " differs from " + file
                        + "; if the change is meant, regenerate it with -D" + WRITE_PROPERTY + "=true (docs/api.md)"
                        + " and commit it\n" + firstDifference(committed, canonical));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String canonical(String json) throws IOException {
        return JSON.writeValueAsString(JSON.treeToValue(JSON.readTree(json), Object.class)) + "\n";
    }

    private static String firstDifference(String expected, String actual) {
        String[] a = expected.split("\n");
        String[] b = actual.split("\n");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                return "first difference at line " + (i + 1) + ":\n  committed: " + a[i].strip() + "\n  served:    "
                        + b[i].strip();
            }
        }
        return "the documents differ in length (" + a.length + " and " + b.length + " lines)";
    }
}
