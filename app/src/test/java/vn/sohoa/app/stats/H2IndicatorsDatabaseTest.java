package vn.sohoa.app.stats;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;

/** Dossier facts and indicators on H2 in the service's own mode (the embedded default). */
class H2IndicatorsDatabaseTest extends IndicatorsDatabaseTest {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.migratedH2("indicators");
    }
}
