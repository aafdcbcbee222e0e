package vn.sohoa.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import vn.sohoa.storage.embedded.EmbeddedS3Server;

/**
 * What several service processes share in the multi-node tests: a fresh schema of the test PostgreSQL
 * (see TestDatabases) and one S3 server over HTTP, as the settings each node is started with.
 */
record SharedStores(String schema, EmbeddedS3Server store) implements AutoCloseable {

    /** A new schema named {@code prefix…} and a started S3 server over {@code objects}. */
    static SharedStores start(String prefix, Path objects) {
        EmbeddedS3Server store = new EmbeddedS3Server(objects, 0);
        store.start();
        return new SharedStores(prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12), store);
    }

    String databaseUrl() {
        return TestDatabases.inSchema(TestDatabases.pgUrl(), schema);
    }

    /** The node's environment: the database account. */
    Map<String, String> environment() {
        return Map.of("SOHOA_DB_USER", TestDatabases.pgUser(), "SOHOA_DB_PASSWORD", TestDatabases.pgPassword());
    }

    /** A node's arguments: its scheduler's name, the public address every node names, the database and the store. */
    List<String> arguments(String name, int publicPort, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--db-scheduler.scheduler-name=" + name,
                "--sohoa.public-base-url=http://127.0.0.1:" + publicPort,
                "--spring.datasource.url=" + databaseUrl(),
                "--spring.flyway.default-schema=" + schema, "--spring.flyway.create-schemas=true",
                "--sohoa.storage.mode=external", "--sohoa.storage.endpoint=" + store.endpoint(),
                "--sohoa.storage.access-key=" + store.accessKey(), "--sohoa.storage.secret-key=" + store.secretKey(),
                "--sohoa.storage.object-lock=off"));
        arguments.addAll(List.of(more));
        return arguments;
    }

    /** Stops the store and drops the schema (every node is stopped by then). */
    @Override
    public void close() {
        store.stop();
        TestDatabases.dropSchema(schema);
    }
}
