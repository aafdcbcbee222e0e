package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.sohoa.app.config.SohoaProperties;

/** New hashes take the configured bcrypt cost; hashes made at another cost still match, so the cost can change. */
class PasswordHashingTest {

    static PasswordEncoder encoder(int strength) {
        return PasswordHashing.encoder(new SohoaProperties.Security(5, Duration.ofMinutes(15), 50, 200,
                Duration.ZERO, strength));
    }

    @Test
    void newHashesTakeTheConfiguredCostAndOldOnesStillMatch() {
        String cheap = encoder(4).encode("mật-khẩu-đủ-dài");
        String production = encoder(10).encode("mật-khẩu-đủ-dài");
        assertThat(cheap).startsWith("{bcrypt}$2a$04$");
        assertThat(production).startsWith("{bcrypt}$2a$10$");

        assertThat(encoder(10).matches("mật-khẩu-đủ-dài", cheap)).isTrue();
        assertThat(encoder(4).matches("mật-khẩu-đủ-dài", production)).isTrue();
        assertThat(encoder(10).matches("mat-khau-du-dai", cheap)).isFalse();
        // a hash cheaper than the configured cost is worth replacing at the next change of password
        assertThat(encoder(10).upgradeEncoding(cheap)).isTrue();
        assertThat(encoder(10).upgradeEncoding(production)).isFalse();
    }
}
