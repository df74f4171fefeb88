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
 * The Open Badges 3.0 AchievementCredential schema the tests hold credentials to. It is certboard's own restatement
 * of the spec (see the schema's description), not 1EdTech's file, which no reachable package ships.
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
                .getResourceAsStream("/schemas/ob_v3p0_achievementcredential.certboard.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
