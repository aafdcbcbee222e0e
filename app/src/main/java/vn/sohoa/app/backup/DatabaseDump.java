package vn.sohoa.app.backup;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

/**
 * A consistent copy of the service's database with the database's own tools: H2's {@code SCRIPT} (one transaction,
 * so one instant) and PostgreSQL's {@code pg_dump} (one snapshot), restored with {@code RUNSCRIPT} and
 * {@code pg_restore} into an empty database of the same kind.
 */
final class DatabaseDump {

    /** The database the service runs on. */
    enum Kind {
        H2("database.h2.sql.gz"), POSTGRESQL("database.pgdump");

        final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        static Kind of(String jdbcUrl) {
            if (jdbcUrl.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (jdbcUrl.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("backups know H2 and PostgreSQL, not " + jdbcUrl.split(";")[0]);
        }
    }

    private final DataSource dataSource;
    private final String url;
    private final String user;
    private final String password;
    final Kind kind;

    DatabaseDump(DataSource dataSource, String url, String user, String password) {
        this.dataSource = dataSource;
        this.url = url;
        this.user = user;
        this.password = password == null ? "" : password;
        this.kind = Kind.of(url);
    }

    /** Whether the database holds no Sohoa schema yet (a restore goes only into an empty one). */
    boolean isEmpty() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(),
                     "flyway_schema_history", null)) {
            return !tables.next();
        }
    }

    /** The schema version the migrations left (e.g. 25). */
    String schemaVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select version from flyway_schema_history "
                     + "where success and version is not null order by installed_rank desc limit 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? row.getString(1) : null;
        }
    }

    void dumpTo(Path file) throws IOException, SQLException {
        if (kind == Kind.H2) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement script = connection.prepareStatement("script to ? compression gzip")) {
                script.setString(1, file.toAbsolutePath().toString());
                script.execute();
            }
            return;
        }
        Map<String, String> target = libpq();
        List<String> command = new ArrayList<>(List.of("pg_dump", "--format=custom", "--no-owner",
                "--no-privileges", "--file=" + file.toAbsolutePath()));
        if (target.containsKey("schema")) {
            command.add("--schema=" + target.get("schema"));
        }
        command.add(target.get("dbname"));
        run(command, target);
    }

    void restoreFrom(Path file) throws IOException, SQLException {
        if (kind == Kind.H2) {
            try (Connection connection = dataSource.getConnection();
                 PreparedStatement script = connection.prepareStatement("runscript from ? compression gzip")) {
                script.setString(1, file.toAbsolutePath().toString());
                script.execute();
            }
            return;
        }
        Map<String, String> target = libpq();
        run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                "--dbname=" + target.get("dbname"), file.toAbsolutePath().toString()), target);
    }

    /** The JDBC URL as libpq sees it: host, port, database, and the schema from {@code currentSchema}. */
    private Map<String, String> libpq() {
        URI uri = URI.create(url.substring("jdbc:".length()));
        Map<String, String> target = new LinkedHashMap<>();
        target.put("host", uri.getHost() == null ? "localhost" : uri.getHost());
        target.put("port", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()));
        target.put("dbname", uri.getPath().replaceFirst("^/", ""));
        if (uri.getQuery() != null) {
            for (String parameter : uri.getQuery().split("&")) {
                String[] pair = parameter.split("=", 2);
                if (pair.length == 2 && pair[0].equals("currentSchema")) {
                    target.put("schema", pair[1]);
                }
            }
        }
        return target;
    }

    private void run(List<String> command, Map<String, String> target) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGHOST", target.get("host"));
        builder.environment().put("PGPORT", target.get("port"));
        builder.environment().put("PGUSER", user);
        builder.environment().put("PGPASSWORD", password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException(command.get(0) + " is needed for PostgreSQL backups (Debian/Ubuntu: apt-get install "
                    + "postgresql-client, of the server's major version or newer)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        try {
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " interrupted", e);
        }
    }
}
