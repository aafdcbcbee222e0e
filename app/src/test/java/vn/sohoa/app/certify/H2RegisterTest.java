package vn.sohoa.app.certify;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;

/** The register on H2 in the service's own mode (the embedded default). */
class H2RegisterTest extends RegisterTest {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.migratedH2("register");
    }
}
