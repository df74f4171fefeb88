package org.certboard.renewal.credential;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * 1EdTech's published Open Badges 3.0 AchievementCredential JSON Schema, the file the specification's repository
 * builds (shared/standards, copied unchanged into the test resources): every credential the tests see is held to it.
 */
public final class OpenBadgesSchema {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private OpenBadgesSchema() {
    }

    /** Validation messages for a credential given as a map or as JSON text; empty when it conforms. */
    public static Set<ValidationMessage> errors(Object credential) {
        try {
            return SCHEMA.validate(credential instanceof String text ? JSON.readTree(text) : JSON.valueToTree(credential));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema load() {
        try (InputStream schema = OpenBadgesSchema.class
                .getResourceAsStream("/schemas/ob_v3p0_achievementcredential_schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
