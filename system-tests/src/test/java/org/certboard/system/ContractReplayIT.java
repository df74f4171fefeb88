package org.certboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.certboard.devstack.scenario.BoardClient.Exchange;
import org.certboard.system.contract.ContractReplay;
import org.certboard.system.contract.Traffic;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Every answer the system tests of this JVM received, replayed against the committed OpenAPI document of the service
 * that gave it. Ordered last (junit-platform.properties orders classes by {@link Order}), so it sees the traffic of
 * all the others. Run on its own it fails: nothing was recorded, which is also what a recorder that is no longer wired
 * in would look like.
 */
@Order(Integer.MAX_VALUE)
class ContractReplayIT {
    /** The known mismatches, each with its reason, for the coordinator to fix in the services and remove. */
    static final String ALLOW_LIST = "/contract-replay-allow-list.txt";

    @Test
    void everyRecordedAnswerMatchesTheDocumentOfItsService() throws IOException {
        List<Exchange> recorded = Traffic.recorded();
        assertThat(recorded).as("answers recorded by the system tests before this one").isNotEmpty();
        ContractReplay replay = new ContractReplay(SystemStack.root().resolve("docs/openapi"),
                ContractReplay.allowList(allowList()));
        ContractReplay.Outcome outcome = replay.check(recorded);
        System.out.printf("[contract replay] %d answers checked against docs/openapi, %d mismatches%n",
                outcome.checked(), outcome.mismatches().size());
        outcome.allowedButNotSeen().forEach(id -> System.out.println(
                "[contract replay] allowed but not seen in this run (fixed? remove it from the allow-list): " + id));
        assertThat(outcome.mismatches())
                .withFailMessage(() -> "answers that differ from their document:\n" + outcome.mismatches().stream()
                        .map(mismatch -> "  " + mismatch).collect(Collectors.joining("\n")))
                .isEmpty();
    }

    private static String allowList() throws IOException {
        try (InputStream in = ContractReplayIT.class.getResourceAsStream(ALLOW_LIST)) {
            if (in == null) {
                throw new IllegalStateException("no " + ALLOW_LIST + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
