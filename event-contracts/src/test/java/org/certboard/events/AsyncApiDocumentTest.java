package org.certboard.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * docs/asyncapi.yaml passes the AsyncAPI tooling: npm {@code @asyncapi/parser} (the spec's schema and the parser's
 * rules, payload $refs resolved), then the board's rule that every message has a name, a title, an example, and the
 * events a person causes an {@code actor} (src/test/node/validate.mjs). The npm install is cached under target/.
 */
class AsyncApiDocumentTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path NODE = Path.of("target", "asyncapi-node").toAbsolutePath();

    @Test
    void theAsyncApiDocumentIsValid() throws Exception {
        Files.createDirectories(NODE);
        for (String file : List.of("package.json", "package-lock.json", "validate.mjs")) {
            Files.copy(ROOT.resolve("event-contracts/src/test/node/" + file), NODE.resolve(file),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        if (!Files.isDirectory(NODE.resolve("node_modules/@asyncapi/parser"))) {
            Result install = run("npm", "ci", "--no-audit", "--no-fund");
            assertEquals(0, install.exit(), "npm ci failed:\n" + install.output());
        }
        Result validation = run("node", "validate.mjs", ROOT.resolve("docs/asyncapi.yaml").toString());
        assertEquals(0, validation.exit(), "docs/asyncapi.yaml is not valid:\n" + validation.output());
        assertTrue(validation.output().contains("valid "), validation.output());
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile(NODE.getParent(), "asyncapi", ".txt");
        Process process = new ProcessBuilder(command).directory(NODE.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish in 5 minutes");
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }
}
