package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** A password that matched is remembered for a while; nothing else is. Real bcrypt (at its lowest cost) underneath. */
class RememberingPasswordEncoderTest {

    final AtomicInteger bcryptChecks = new AtomicInteger();
    final AtomicLong now = new AtomicLong(1_000);
    final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
    final PasswordEncoder counted = new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            bcryptChecks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    };

    RememberingPasswordEncoder encoder(Duration ttl) {
        return new RememberingPasswordEncoder(counted, ttl, now::get);
    }

    @Test
    void aMatchIsRememberedUntilItExpires() {
        RememberingPasswordEncoder encoder = encoder(Duration.ofMinutes(5));
        String hash = encoder.encode("right-password");
        assertThat(encoder.matches("right-password", hash)).isTrue();
        assertThat(encoder.matches("right-password", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(1);

        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(encoder.matches("right-password", hash)).isTrue();
        assertThat(bcryptChecks).as("checked again once expired").hasValue(2);
    }

    @Test
    void aWrongPasswordOrAChangedHashIsAlwaysChecked() {
        RememberingPasswordEncoder encoder = encoder(Duration.ofMinutes(5));
        String hash = encoder.encode("right-password");
        assertThat(encoder.matches("right-password", hash)).isTrue();
        assertThat(encoder.matches("wrong-password", hash)).isFalse();
        assertThat(encoder.matches("wrong-password", hash)).isFalse();
        assertThat(bcryptChecks).hasValue(3);

        // the same password set again gets a new salt, so a new hash: the old match does not carry over
        String changed = encoder.encode("right-password");
        assertThat(encoder.matches("right-password", changed)).isTrue();
        assertThat(encoder.matches("another-password", changed)).isFalse();
        assertThat(bcryptChecks).hasValue(5);
    }

    @Test
    void zeroTurnsRememberingOff() {
        RememberingPasswordEncoder encoder = encoder(Duration.ZERO);
        String hash = encoder.encode("right-password");
        assertThat(encoder.matches("right-password", hash)).isTrue();
        assertThat(encoder.matches("right-password", hash)).isTrue();
        assertThat(bcryptChecks).hasValue(2);
    }
}
