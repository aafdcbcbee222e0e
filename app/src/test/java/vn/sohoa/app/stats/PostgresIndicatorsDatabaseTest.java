package vn.sohoa.app.stats;

import org.junit.jupiter.api.Tag;

import com.zaxxer.hikari.HikariDataSource;

import vn.sohoa.app.TestDatabases;

/** Dossier facts and indicators on PostgreSQL (127.0.0.1:5432/test, trust auth), in a fresh schema per test. */
@Tag("postgres")
class PostgresIndicatorsDatabaseTest extends IndicatorsDatabaseTest {

    @Override
    HikariDataSource freshDatabase() {
        return TestDatabases.postgres("sohoa_indicators_");
    }
}
