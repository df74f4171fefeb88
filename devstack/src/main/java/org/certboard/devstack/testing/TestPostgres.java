package org.certboard.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.certboard.devstack.Ports;
import org.certboard.devstack.PostgresServer;

/**
 * The PostgreSQL server of a test JVM: the running one (127.0.0.1:5432 by default), or where none runs, one embedded
 * PostgreSQL started on first use and stopped when the JVM exits, so the tests need nothing installed but a JDK.
 */
public final class TestPostgres {
    private static PostgresServer server;

    private TestPostgres() {
    }

    public static synchronized PostgresServer server() {
        if (server == null) {
            try {
                server = PostgresServer.runningOrEmbedded(Files.createTempDirectory("certboard-pg-test"), Ports.free());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (server.isEmbedded()) {
                PostgresServer started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            }
        }
        return server;
    }
}
