package vn.sohoa.app.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import vn.sohoa.app.config.SohoaProperties;

/**
 * Slows password guessing (OWASP ASVS 2.2.1): after {@code loginMaxFailures} failed sign-ins for one user name from
 * one address — or four times as many for any names from one address — further attempts from there are refused
 * without checking the password until {@code loginLock} after the last failure. A success clears the user's count.
 * Counts are per node, in memory: a restart forgives, and several nodes each count their own share.
 */
@Component
public class LoginThrottle {

    private record Failures(int count, Instant last) {
    }

    private final int maxFailures;
    private final Duration lock;
    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(SohoaProperties properties, Clock clock) {
        this.maxFailures = properties.security().loginMaxFailures();
        this.lock = properties.security().loginLock();
        this.clock = clock;
    }

    /** Until when sign-ins of {@code username} from {@code address} are refused, or null when they are not. */
    public Instant lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant byUser = lockedUntil(userKey(username, address), maxFailures, now);
        Instant byAddress = lockedUntil(addressKey(address), 4 * maxFailures, now);
        if (byUser == null) {
            return byAddress;
        }
        return byAddress == null || byUser.isAfter(byAddress) ? byUser : byAddress;
    }

    private Instant lockedUntil(String key, int limit, Instant now) {
        Failures counted = failures.get(key);
        if (counted == null || counted.count() < limit) {
            return null;
        }
        Instant until = counted.last().plus(lock);
        if (!until.isAfter(now)) {
            failures.remove(key, counted);
            return null;
        }
        return until;
    }

    /** Clears a name's failures from every address: an administrator unlocking a user. */
    public void forgive(String username) {
        String prefix = "user:" + username.toLowerCase(Locale.ROOT) + "@";
        failures.keySet().removeIf(key -> key.startsWith(prefix));
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = address(event.getAuthentication().getDetails());
        if (address == null) {
            return;
        }
        Instant now = clock.instant();
        for (String key : new String[]{userKey(event.getAuthentication().getName(), address), addressKey(address)}) {
            failures.merge(key, new Failures(1, now), (old, one) ->
                    old.last().plus(lock).isBefore(now) ? one : new Failures(old.count() + 1, now));
        }
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String address = address(event.getAuthentication().getDetails());
        if (address != null) {
            failures.remove(userKey(event.getAuthentication().getName(), address));
        }
    }

    private static String address(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    private static String userKey(String username, String address) {
        return "user:" + String.valueOf(username).toLowerCase(Locale.ROOT) + "@" + address;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
