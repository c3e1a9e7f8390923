package io.feedbackloop.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

/**
 * A real PostgreSQL server holding one database per service. By default it is the embedded
 * server from Maven Central (no install needed); set {@code LOOP_PG_HOST} (and optionally
 * {@code LOOP_PG_PORT}, {@code LOOP_PG_USER}, {@code LOOP_PG_PASSWORD}) to use a server that
 * is already running instead.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class);

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    /** The external server from the environment, or an embedded one in {@code dataDirectory}. */
    public static PostgresServer start(Path dataDirectory, int port, boolean keepData) {
        String externalHost = System.getenv("LOOP_PG_HOST");
        if (externalHost != null && !externalHost.isBlank()) {
            int externalPort = Integer.parseInt(envOr("LOOP_PG_PORT", "5432"));
            LOG.infof("Using the PostgreSQL server at %s:%d", externalHost, externalPort);
            return new PostgresServer(null, externalHost, externalPort, envOr("LOOP_PG_USER", "postgres"),
                    envOr("LOOP_PG_PASSWORD", ""));
        }
        try {
            long started = System.nanoTime();
            EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(!keepData)
                    .setPort(port == 0 ? FreePorts.find() : port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", keepData ? "on" : "off")
                    // data that is kept is kept durably: a commit (an accepted feedback) survives a crash of
                    // the server, not only of the services (the embedded server's default is off)
                    .setServerConfig("synchronous_commit", keepData ? "on" : "off")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            LOG.infof("Embedded PostgreSQL listening on 127.0.0.1:%d (%d ms)", embedded.getPort(),
                    (System.nanoTime() - started) / 1_000_000);
            return new PostgresServer(embedded, "127.0.0.1", embedded.getPort(), "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Creates the database unless it exists, and returns its JDBC URL. */
    public String ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("database name must be a plain identifier: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (!rs.next()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return jdbcUrl(name);
    }

    /** Drops and recreates a database: a clean store for one test run on a shared server. */
    public String recreateDatabase(String name) {
        ensureDatabase(name);
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot recreate database " + name, e);
        }
        return jdbcUrl(name);
    }

    /**
     * The postmaster's process id (its backends are its children), for measuring what the server
     * uses; empty for an external server, which may not even run on this machine.
     */
    public java.util.OptionalLong serverPid() {
        if (embedded == null) {
            return java.util.OptionalLong.empty();
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = 'checkpointer'")) {
            if (!rs.next()) {
                return java.util.OptionalLong.empty();
            }
            long checkpointer = rs.getLong(1);
            // the checkpointer is a child of the postmaster: its parent is the server
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + checkpointer + "/stat"));
            return java.util.OptionalLong.of(Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]));
        } catch (SQLException | IOException e) {
            return java.util.OptionalLong.empty();
        }
    }

    /** A run-time setting as the server reports it ({@code SHOW name}), e.g. what a commit survives. */
    public String setting(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("not a setting name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the setting " + name, e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly", e);
            }
        }
    }
}
