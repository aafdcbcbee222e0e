package vn.sohoa.app.stats;

import org.junit.jupiter.api.Tag;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;

/** Dossier facts and indicators on PostgreSQL (the test server, see TestDatabases), in a fresh database per test. */
@Tag("postgres")
class PostgresIndicatorsDatabaseTest extends IndicatorsDatabaseTest {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.migratedPostgres("sohoa_indicators_");
    }
}
