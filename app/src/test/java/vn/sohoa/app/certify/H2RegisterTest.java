package vn.sohoa.app.certify;

import java.util.UUID;

import com.zaxxer.hikari.HikariDataSource;

/** The register on H2 in the service's own mode (the embedded default). */
class H2RegisterTest extends RegisterTest {

    @Override
    HikariDataSource freshDatabase() {
        return pool("jdbc:h2:mem:register-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "", null);
    }
}
