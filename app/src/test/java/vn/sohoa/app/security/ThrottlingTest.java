package vn.sohoa.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import vn.sohoa.app.TestDatabases;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.testkit.HandClock;

/**
 * Sign-in throttling and API clients' rate limits, on a clock the test moves; failed sign-ins are counted in the
 * service's own database (H2 with the migrations, as embedded), shared by the nodes.
 */
class ThrottlingTest {

    private static final JdbcClient DATABASE = JdbcClient.create(
            TestDatabases.migratedH2("throttling"));

    @AfterEach
    void forgetFailures() {
        DATABASE.sql("delete from sign_in_failures").update();
    }

    static LoginThrottle node(Clock clock) {
        return new LoginThrottle(properties(5, Duration.ofMinutes(15), 50, 200), clock, DATABASE);
    }

    /** The service's first day, at the desk's opening hour. */
    static HandClock clock() {
        return new HandClock(Instant.parse("2026-11-30T08:00:00Z"));
    }

    static SohoaProperties properties(int maxFailures, Duration lock, int rate, int burst) {
        return new SohoaProperties(Path.of("."), null, null, null, null, null, null, null,
                new SohoaProperties.Security(maxFailures, lock, rate, burst, Duration.ZERO, 10));
    }

    static UsernamePasswordAuthenticationToken attempt(String user, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(user, "x");
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    static void fail(LoginThrottle throttle, String user, String address) {
        throttle.failed(new AuthenticationFailureBadCredentialsEvent(attempt(user, address),
                new BadCredentialsException("bad")));
    }

    @Test
    void fiveFailuresLockTheNameFromThatAddressUntilTheLockRunsOut() {
        HandClock clock = clock();
        LoginThrottle throttle = node(clock);
        for (int i = 0; i < 4; i++) {
            fail(throttle, "Clerk", "10.0.0.7");
        }
        assertThat(throttle.lockedUntil("clerk", "10.0.0.7")).isNull();
        fail(throttle, "clerk", "10.0.0.7");
        assertThat(throttle.lockedUntil("CLERK", "10.0.0.7")).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        // the same name from another desk, and another name from this one, are not locked
        assertThat(throttle.lockedUntil("clerk", "10.0.0.8")).isNull();
        assertThat(throttle.lockedUntil("certifier", "10.0.0.7")).isNull();

        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.lockedUntil("clerk", "10.0.0.7")).isNull();
    }

    @Test
    void aSuccessForgivesTheNameAndManyNamesFromOneAddressLockTheAddress() {
        HandClock clock = clock();
        LoginThrottle throttle = node(clock);
        for (int i = 0; i < 4; i++) {
            fail(throttle, "clerk", "10.0.0.7");
        }
        throttle.succeeded(new AuthenticationSuccessEvent(attempt("clerk", "10.0.0.7")));
        fail(throttle, "clerk", "10.0.0.7");
        assertThat(throttle.lockedUntil("clerk", "10.0.0.7")).isNull();

        for (int i = 0; i < 20; i++) {
            fail(throttle, "user" + i, "10.0.0.9");
        }
        assertThat(throttle.lockedUntil("anyone", "10.0.0.9")).isNotNull();
        assertThat(throttle.lockedUntil("anyone", "10.0.0.10")).isNull();
    }

    @Test
    void failuresMadeAtOneNodeLockTheNameAtTheOthers() {
        HandClock clock = clock();
        LoginThrottle first = node(clock);
        LoginThrottle second = node(clock);
        for (int i = 0; i < 5; i++) {
            fail(i % 2 == 0 ? first : second, "certifier", "10.0.0.7");
        }
        assertThat(first.lockedUntil("certifier", "10.0.0.7")).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(second.lockedUntil("certifier", "10.0.0.7")).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        // an administrator unlocking her at one node unlocks her everywhere, and only her
        fail(first, "certifier_2", "10.0.0.7");
        second.forgive("certifier");
        assertThat(first.lockedUntil("certifier", "10.0.0.7")).isNull();
        assertThat(DATABASE.sql("select count(*) from sign_in_failures where throttle_key like 'user:certifier!_2@%' "
                + "escape '!'").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anApiClientGetsItsBurstThenItsRate() {
        HandClock clock = clock();
        ApiRateLimiter limiter = new ApiRateLimiter(properties(5, Duration.ofMinutes(15), 2, 3), clock);
        assertThat(limiter.acquire("one-stop")).isZero();
        assertThat(limiter.acquire("one-stop")).isZero();
        assertThat(limiter.acquire("one-stop")).isZero();
        assertThat(limiter.acquire("one-stop")).isEqualTo(1);
        assertThat(limiter.acquire("archive")).as("each client has its own bucket").isZero();

        clock.advance(Duration.ofMillis(500));
        assertThat(limiter.acquire("one-stop")).isZero();
        assertThat(limiter.acquire("one-stop")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.acquire("one-stop")).as("refilled to the burst, not beyond").isZero();
        }
        assertThat(limiter.acquire("one-stop")).isEqualTo(1);
    }
}
