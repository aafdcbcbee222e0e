package vn.sohoa.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;

/**
 * Slows password guessing (OWASP ASVS 2.2.1): after {@code loginMaxFailures} failed sign-ins for one user name from
 * one address — or four times as many for any names from one address — further attempts from there are refused
 * without checking the password until {@code loginLock} after the last failure. A success clears the user's count.
 * Counts are kept in the database, so that every node sees the failures made at the others and a restart forgives
 * nothing.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant last) {
    }

    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;
    private final JdbcClient jdbc;

    LoginThrottle(SohoaProperties properties, Clock clock, JdbcClient jdbc) {
        this.maxFailures = properties.security().loginMaxFailures();
        this.lock = properties.security().loginLock();
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Until when sign-ins of {@code username} from {@code address} are refused, or null when they are not. */
    public Instant lockedUntil(String username, String address) {
        Instant now = clock.instant();
        String userKey = userKey(username, address);
        Instant byUser = null;
        Instant byAddress = null;
        for (var row : jdbc.sql("select throttle_key, failures, last_failure from sign_in_failures "
                        + "where throttle_key in (?, ?)").params(userKey, addressKey(address))
                .query((rs, n) -> new Object[]{rs.getString(1), new Failures(rs.getInt(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant())}).list()) {
            boolean isUser = row[0].equals(userKey);
            Instant until = lockedUntil((Failures) row[1], isUser ? maxFailures : 4 * maxFailures, now);
            if (isUser) {
                byUser = until;
            } else {
                byAddress = until;
            }
        }
        if (byUser == null) {
            return byAddress;
        }
        return byAddress == null || byUser.isAfter(byAddress) ? byUser : byAddress;
    }

    private Instant lockedUntil(Failures counted, int limit, Instant now) {
        if (counted.count() < limit) {
            return null;
        }
        Instant until = counted.last().plus(lock);
        return until.isAfter(now) ? until : null;
    }

    /** Clears a name's failures from every address: an administrator unlocking a user. */
    public void forgive(String username) {
        String prefix = "user:" + username.toLowerCase(Locale.ROOT) + "@";
        jdbc.sql("delete from sign_in_failures where throttle_key like ? escape '!'")
                .param(prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%").update();
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication().getDetails());
        if (address == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        OffsetDateTime stale = now.minus(lock);
        // failures older than the lock count for nothing: start again from one (and forget them, failures are rare)
        jdbc.sql("delete from sign_in_failures where last_failure < ?").param(stale).update();
        for (String key : List.of(userKey(event.getAuthentication().getName(), address), addressKey(address))) {
            count(key, now);
        }
    }

    private void count(String key, OffsetDateTime now) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (jdbc.sql("update sign_in_failures set failures = failures + 1, last_failure = ? where throttle_key = ?")
                    .params(now, key).update() == 1) {
                return;
            }
            try {
                jdbc.sql("insert into sign_in_failures (throttle_key, failures, last_failure) values (?, 1, ?)")
                        .params(key, now).update();
                return;
            } catch (DuplicateKeyException raced) {
                // another node counted the first failure at the same moment: count on top of it
            }
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String address = address(event.getAuthentication().getDetails());
        if (address != null) {
            jdbc.sql("delete from sign_in_failures where throttle_key = ?")
                    .param(userKey(event.getAuthentication().getName(), address)).update();
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String userKey(String username, String address) {
        String key = "user:" + String.valueOf(username).toLowerCase(Locale.ROOT) + "@" + address;
        return key.length() <= 200 ? key : key.substring(0, 200);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
