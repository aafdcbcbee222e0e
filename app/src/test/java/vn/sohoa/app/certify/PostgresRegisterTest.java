package vn.sohoa.app.certify;

import org.junit.jupiter.api.Tag;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;

/** The register on PostgreSQL (127.0.0.1:5432/test, trust auth), in a fresh schema per test. */
@Tag("postgres")
class PostgresRegisterTest extends RegisterTest {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.postgres("sohoa_register_");
    }
}
