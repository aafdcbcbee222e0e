package vn.sohoa.app.certify;

import java.util.UUID;

import org.junit.jupiter.api.Tag;

import com.zaxxer.hikari.HikariDataSource;

/** The register on PostgreSQL (127.0.0.1:5432/test, trust auth), in a fresh schema per test. */
@Tag("postgres")
class PostgresRegisterTest extends RegisterTest {

    @Override
    HikariDataSource freshDatabase() {
        String schema = "sohoa_register_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return pool(System.getenv().getOrDefault("SOHOA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                System.getenv().getOrDefault("SOHOA_TEST_PG_USER", "postgres"),
                System.getenv().getOrDefault("SOHOA_TEST_PG_PASSWORD", ""), schema);
    }
}
