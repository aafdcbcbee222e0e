package vn.sohoa.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Fresh databases with the service's migrations applied, for tests that use the service's repositories without the
 * service: H2 in memory, or a database of the test PostgreSQL (127.0.0.1:5432/test with trust auth unless
 * {@code SOHOA_TEST_PG_URL}, {@code SOHOA_TEST_PG_USER}, {@code SOHOA_TEST_PG_PASSWORD}).
 *
 * <p>Flyway runs once per JVM and engine, on a template; each test gets a copy of it: H2 runs the template's SQL
 * script, PostgreSQL copies the template database ({@code create database … template …}). Measured on 2 cores, a
 * fresh database took 0.2 s (H2) and 0.7 s (PostgreSQL) through the 27 migrations, 0.01 s and 0.2 s as a copy; the
 * register and indicator tests make one per test, in UTC and again in Vietnam's zone.
 */
public final class TestDatabases {

    private static Path h2Template;
    private static String postgresTemplate;

    private TestDatabases() {
    }

    /** An H2 database in memory, in the service's own mode, migrated. */
    public static HikariDataSource migratedH2(String name) {
        HikariDataSource database = h2(name + "-" + UUID.randomUUID());
        execute(database, "runscript from '" + h2Template() + "'");
        return database;
    }

    /** A new PostgreSQL database named {@code prefix…}, migrated. */
    public static HikariDataSource migratedPostgres(String prefix) {
        String name = prefix + uniqueSuffix();
        execute(pgUrl(), pgUser(), pgPassword(), "create database " + name + " template " + postgresTemplate());
        return pool(pgUrl(name), pgUser(), pgPassword());
    }

    /**
     * A new, empty PostgreSQL database named {@code prefix…}, dropped when the JVM ends: for a service context that
     * the test framework closes after the test class, and may keep until then.
     */
    public static String emptyPostgresUntilExit(String prefix) {
        return createDroppedAtExit(prefix + uniqueSuffix());
    }

    /** The test PostgreSQL's address (its database {@code test}, unless SOHOA_TEST_PG_URL names another). */
    public static String pgUrl() {
        return System.getenv().getOrDefault("SOHOA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    /** The same server's database {@code database}, with the same connection options. */
    public static String pgUrl(String database) {
        return PostgresUrl.of(pgUrl()).withDatabase(database);
    }

    /** {@code url} with {@code schema} as the connection's current schema. */
    public static String inSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public static String pgUser() {
        return System.getenv().getOrDefault("SOHOA_TEST_PG_USER", "postgres");
    }

    public static String pgPassword() {
        return System.getenv().getOrDefault("SOHOA_TEST_PG_PASSWORD", "");
    }

    /**
     * Closes a database made by {@link #migratedH2} or {@link #migratedPostgres} and drops it: the test PostgreSQL is
     * shared by every run on the machine and would otherwise collect hundreds of them, and H2 keeps a database in
     * memory until the JVM ends.
     */
    public static void dispose(HikariDataSource database) {
        database.close();
        if (database.getJdbcUrl().startsWith("jdbc:h2:")) {
            // a connection of its own: SHUTDOWN closes the connection it runs on, which a pool would then fail to reset
            execute(database.getJdbcUrl(), database.getUsername(), database.getPassword(), "shutdown");
        } else {
            execute(pgUrl(), pgUser(), pgPassword(), "drop database if exists " + databaseName(database.getJdbcUrl())
                    + " with (force)");
        }
    }

    /** Drops a schema of the test PostgreSQL and everything in it, once nothing uses it any more. */
    public static void dropSchema(String schema) {
        execute(pgUrl(), pgUser(), pgPassword(), "drop schema if exists " + schema + " cascade");
    }

    /** The script of an H2 database migrated once in this JVM (deleted when the JVM ends). */
    private static synchronized Path h2Template() {
        if (h2Template == null) {
            try {
                Path script = Files.createTempFile("sohoa-migrated-h2-", ".sql");
                script.toFile().deleteOnExit();
                HikariDataSource template = migrated(h2("template-" + UUID.randomUUID()));
                execute(template, "script to '" + script + "'");
                dispose(template);
                h2Template = script;
            } catch (IOException e) {
                throw new UncheckedIOException("could not write the migrated H2 database's script", e);
            }
        }
        return h2Template;
    }

    /** A PostgreSQL database migrated once in this JVM, dropped when the JVM ends. */
    private static synchronized String postgresTemplate() {
        if (postgresTemplate == null) {
            String name = createDroppedAtExit("sohoa_template_" + uniqueSuffix());
            HikariDataSource template = pool(pgUrl(name), pgUser(), pgPassword());
            try {
                migrated(template);
            } finally {
                template.close(); // PostgreSQL copies no database that has connections
            }
            postgresTemplate = name;
        }
        return postgresTemplate;
    }

    /** Creates an empty database {@code name} and drops it when the JVM ends. */
    private static String createDroppedAtExit(String name) {
        execute(pgUrl(), pgUser(), pgPassword(), "create database " + name);
        // with (force): a pool the test framework has not closed yet must not keep the database
        Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(pgUrl(), pgUser(), pgPassword(),
                "drop database if exists " + name + " with (force)")));
        return name;
    }

    private static HikariDataSource migrated(HikariDataSource database) {
        Flyway.configure().dataSource(database).locations("classpath:db/migration").load()
                .migrate();
        return database;
    }

    private static HikariDataSource h2(String name) {
        return pool("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static String databaseName(String url) {
        return PostgresUrl.of(url).database();
    }

    /** A PostgreSQL JDBC address in its three parts: {@code jdbc:postgresql://host:port/}, the database, the options. */
    private record PostgresUrl(String server, String database, String options) {

        static PostgresUrl of(String url) {
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            int options = url.indexOf('?', slash);
            int end = options < 0 ? url.length() : options;
            return new PostgresUrl(url.substring(0, slash + 1), url.substring(slash + 1, end), url.substring(end));
        }

        String withDatabase(String name) {
            return server + name + options;
        }
    }

    private static String uniqueSuffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void execute(HikariDataSource database, String sql) {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on the test database "
                    + database.getJdbcUrl(), e);
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on the test database " + url, e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(8);
        return pool;
    }
}
