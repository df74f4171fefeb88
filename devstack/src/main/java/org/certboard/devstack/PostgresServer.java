package org.certboard.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server to put the services' databases on: the one already running (by default 127.0.0.1:5432, user
 * postgres, overridable with CERTBOARD_PG_HOST/PORT/USER/PASSWORD), or an embedded PostgreSQL started from Maven jars
 * where none runs.
 */
public final class PostgresServer implements AutoCloseable {
    /**
     * An embedded server configured as a deployment's: the embedded PostgreSQL turns fsync and synchronous_commit
     * off (quick for tests), and these machines' own server runs without autovacuum, so that tables filled by a run
     * are never analysed and their dead index entries pile up. Both would make database figures no deployment sees.
     */
    public static final Map<String, String> DEPLOYMENT_SETTINGS = Map.of("fsync", "on", "synchronous_commit", "on",
            "autovacuum", "on", "max_connections", "300");

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresServer(String host, int port, String user, String password, EmbeddedPostgres embedded) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    /**
     * The running server if there is one, else an embedded PostgreSQL keeping its data in {@code dataDir} and
     * listening on {@code embeddedPort}.
     */
    public static PostgresServer runningOrEmbedded(Path dataDir, int embeddedPort) {
        PostgresServer server = configured();
        if (server.answers()) {
            return server;
        }
        return embedded(dataDir, embeddedPort, Map.of());
    }

    /**
     * An embedded PostgreSQL of its own, whether or not a server runs: keeping its data in {@code dataDir}, listening
     * on {@code port}, with {@code serverConfig} ({@code postgresql.conf} settings such as {@code max_connections}).
     * For a run that must not share the server's connections with other processes (as each service has a database
     * cluster of its own in Kubernetes).
     */
    public static PostgresServer embedded(Path dataDir, int port, Map<String, String> serverConfig) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dataDir.resolve("bin").toFile())
                    .setPort(port)
                    // stopped by its owner's close(), after the services using it: its own hook would stop it under
                    // them at exit, and they would shut down against a vanished database
                    .setRegisterShutdownHook(false);
            serverConfig.forEach(builder::setServerConfig);
            EmbeddedPostgres pg = builder.start();
            return new PostgresServer("127.0.0.1", pg.getPort(), "postgres", "", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start an embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** The configured port (CERTBOARD_PG_PORT, default 5432). */
    public static int configuredPort() {
        return configured().port;
    }

    private static PostgresServer configured() {
        Map<String, String> env = System.getenv();
        return new PostgresServer(env.getOrDefault("CERTBOARD_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env.getOrDefault("CERTBOARD_PG_PORT", "5432")),
                env.getOrDefault("CERTBOARD_PG_USER", "postgres"),
                env.getOrDefault("CERTBOARD_PG_PASSWORD", ""), null);
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    public String description() {
        return (isEmbedded() ? "embedded PostgreSQL" : "PostgreSQL") + " on " + host + ":" + port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The Quarkus datasource settings for one database on this server. */
    public Map<String, String> datasourceConfig(String database) {
        return Map.of("quarkus.datasource.reactive.url", reactiveUrl(database),
                "quarkus.datasource.jdbc.url", jdbcUrl(database),
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    public void createDatabaseIfMissing(String name) {
        try (Connection c = connect("postgres");
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            if (!exists.executeQuery().next()) {
                try (Statement create = c.createStatement()) {
                    create.execute("create database \"" + name + "\"");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on " + description(), e);
        }
    }

    public void dropDatabase(String name) {
        try (Connection c = connect("postgres"); Statement drop = c.createStatement()) {
            drop.execute("drop database if exists \"" + name + "\" with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop database " + name, e);
        }
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), user, password);
    }

    private boolean answers() {
        try (Connection c = connect("postgres")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
