package vn.sohoa.app;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same end-to-end path on PostgreSQL, with the same Flyway migrations, in a schema of a fresh database of the test
 * server (see {@link TestDatabases}), dropped when the JVM ends. Tagged {@code postgres}: {@code .ci/run} runs it;
 * {@code ./sohoa test} runs it too when it finds PostgreSQL listening there.
 */
@Tag("postgres")
@Order(4) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class PostgresEndToEndTest extends EndToEndTest {

    static final int PORT = freePort();
    static final String SCHEMA = "sohoa_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        embeddedDefaults(registry, PORT, temporaryHome());
        TARGETS.register(registry);
        String url = TestDatabases.inSchema(TestDatabases.pgUrl(TestDatabases.emptyPostgresUntilExit("sohoa_e2e_")),
                SCHEMA);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", TestDatabases::pgUser);
        registry.add("spring.datasource.password", TestDatabases::pgPassword);
        registry.add("spring.flyway.default-schema", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    static final DeliveryTargets TARGETS = new DeliveryTargets();

    @Override
    DeliveryTargets targets() {
        return TARGETS;
    }

    /** The restore drill's target: a new database of the same server, holding the same schema name. */
    private String restoredDatabaseName;

    @Override
    List<String> restoredDatabase() {
        restoredDatabaseName = "sohoa_restore_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("create database " + restoredDatabaseName).update();
        return List.of("--spring.datasource.url=" + TestDatabases.inSchema(TestDatabases.pgUrl(restoredDatabaseName),
                        SCHEMA),
                "--spring.datasource.username=" + TestDatabases.pgUser(),
                "--spring.datasource.password=" + TestDatabases.pgPassword(),
                "--spring.flyway.default-schema=" + SCHEMA);
    }

    @Override
    void dropRestoredDatabase() {
        if (restoredDatabaseName != null) {
            jdbc.sql("drop database if exists " + restoredDatabaseName + " with (force)").update();
        }
    }
}
