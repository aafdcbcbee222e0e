package vn.sohoa.app.certify;

import org.junit.jupiter.api.Tag;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;

/** The register on PostgreSQL (the test server, see TestDatabases), in a fresh database per test. */
@Tag("postgres")
class PostgresRegisterTest extends RegisterTest {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.migratedPostgres("sohoa_register_");
    }
}
