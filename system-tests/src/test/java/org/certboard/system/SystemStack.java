package org.certboard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.BoardClient;
import org.certboard.system.contract.Traffic;

/**
 * One stack for every system test in this JVM: Kafka, PostgreSQL and the three packaged services, started by the
 * local stack's launcher on free ports with databases of their own, stopped (and the databases dropped) at exit.
 * The services trust the test signing key ({@code TestTokens}): no provider to start. {@link KeycloakGoldenPathIT}
 * plays the same path through a real Keycloak, in a JVM of its own.
 */
final class SystemStack {
    private static LocalStack stack;

    private SystemStack() {
    }

    /**
     * A third credential program that exists only in the system tests' configuration (issue 23: a program is added
     * by configuration alone). Its numbers differ from CCM's and ACM's wherever a service applies them.
     */
    static final Map<String, String> THIRD_PROGRAM = Map.of(
            "certboard.programs.TPX.name", "Transitional Practice Credential (TPX)",
            "certboard.programs.TPX.eligibility.any-supervisor-months", "6",
            "certboard.programs.TPX.exam.pass-mark", "600",
            "certboard.programs.TPX.renewal.cycle", "P2Y",
            "certboard.programs.TPX.renewal.audit-share", "0",
            "certboard.programs.TPX.ce.required-hours", "10",
            "certboard.programs.TPX.ce.categories.law", "2");

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = start(options -> options.withExtraConfig(THIRD_PROGRAM));
        }
        return stack;
    }

    /**
     * Starts a stack of its own on free ports and fresh databases, changed by {@code adjust}; it is stopped and its
     * databases dropped when the JVM exits.
     */
    static LocalStack start(UnaryOperator<LocalStack.Options> adjust) {
        String prefix = "it_" + UUID.randomUUID().toString().substring(0, 8) + "_";
        Path state;
        try {
            state = Files.createTempDirectory("certboard-system-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        LocalStack started0 = LocalStack.start(adjust.apply(LocalStack.Options.isolated(root(), state, prefix)),
                line -> System.out.println("[system-test] " + line));
        System.out.printf("[system-test] stack ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            started0.close();
            for (Service service : Service.values()) {
                started0.postgres().dropDatabase(prefix + service.database());
            }
        }));
        return started0;
    }

    static Path root() {
        return Path.of(System.getProperty("certboard.root", "..")).toAbsolutePath().normalize();
    }

    static Board board() {
        return board(get());
    }

    /**
     * The board of {@code stack}, each step called with its caller's token from the stack's token source; every
     * answer is recorded for {@link ContractReplayIT}.
     */
    static Board board(LocalStack stack) {
        return new Board(new BoardClient(urls(stack), Traffic::record), stack.tokens());
    }

    /**
     * An anonymous client of the shared stack whose traffic is not replayed against the documents: for the tests that
     * send what no document describes (an unknown path).
     */
    static BoardClient offContract() {
        return new BoardClient(urls(get()));
    }

    private static Map<Service, String> urls(LocalStack stack) {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, stack.url(service));
        }
        return urls;
    }
}
