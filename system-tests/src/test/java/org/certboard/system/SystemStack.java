package org.certboard.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.certboard.devstack.LocalStack;
import org.certboard.devstack.Service;
import org.certboard.devstack.scenario.Board;
import org.certboard.devstack.scenario.BoardClient;

/**
 * One stack for every system test in this JVM: Kafka, PostgreSQL and the three packaged services, started by the
 * local stack's launcher on free ports with databases of their own, stopped (and the databases dropped) at exit.
 */
final class SystemStack {
    private static LocalStack stack;

    private SystemStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            Path root = Path.of(System.getProperty("certboard.root", "..")).toAbsolutePath().normalize();
            String prefix = "it_" + UUID.randomUUID().toString().substring(0, 8) + "_";
            Path state;
            try {
                state = Files.createTempDirectory("certboard-system-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            long started = System.nanoTime();
            stack = LocalStack.start(LocalStack.Options.isolated(root, state, prefix),
                    line -> System.out.println("[system-test] " + line));
            System.out.printf("[system-test] stack ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
            LocalStack started0 = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started0.close();
                for (Service service : Service.values()) {
                    started0.postgres().dropDatabase(prefix + service.database());
                }
            }));
        }
        return stack;
    }

    static Board board() {
        Map<Service, String> urls = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            urls.put(service, get().url(service));
        }
        return new Board(new BoardClient(urls));
    }
}
