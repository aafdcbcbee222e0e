package vn.sohoa.app;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

/** Fresh databases for tests that run the service's migrations themselves: H2 in memory, or a PostgreSQL schema. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** An empty H2 database in the service's own mode. */
    public static HikariDataSource h2(String name) {
        return pool("jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", null);
    }

    /** A new, empty schema in the test PostgreSQL (127.0.0.1:5432/test with trust auth unless SOHOA_TEST_PG_*). */
    public static HikariDataSource postgres(String schemaPrefix) {
        String schema = schemaPrefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return pool(System.getenv().getOrDefault("SOHOA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getenv().getOrDefault("SOHOA_TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("SOHOA_TEST_PG_PASSWORD", ""), schema);
    }

    /** Applies the service's own migrations to {@code dataSource} (its schema, when it has one, is created). */
    public static HikariDataSource migrated(HikariDataSource dataSource) {
        org.flywaydb.core.Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .schemas(dataSource.getSchema() == null ? new String[0] : new String[]{dataSource.getSchema()})
                .createSchemas(true).load().migrate();
        return dataSource;
    }

    /**
     * Closes a database made by {@link #h2} or {@link #postgres} and drops what it held: the PostgreSQL schema (the
     * test database is shared by every run on the machine and would otherwise collect hundreds of them) or the H2
     * database in memory (kept until the JVM ends otherwise).
     */
    public static void dispose(HikariDataSource dataSource) {
        String schema = dataSource.getSchema();
        dataSource.close();
        // a connection of its own: H2's SHUTDOWN closes the connection it runs on, which a pool would then fail to reset
        execute(dataSource.getJdbcUrl(), dataSource.getUsername(), dataSource.getPassword(),
                schema != null ? "drop schema if exists " + schema + " cascade" : "shutdown");
    }

    /** Drops a schema of a PostgreSQL database and everything in it, once nothing uses it any more. */
    public static void dropSchema(String url, String user, String password, String schema) {
        execute(url, user, password, "drop schema if exists " + schema + " cascade");
    }

    private static void execute(String url, String user, String password, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run '" + sql + "' on the test database " + url, e);
        }
    }

    private static HikariDataSource pool(String url, String user, String password, String schema) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(user);
        pool.setPassword(password);
        pool.setMaximumPoolSize(8);
        if (schema != null) {
            pool.setSchema(schema);
        }
        return pool;
    }
}
