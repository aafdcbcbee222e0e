package vn.sohoa.app.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.util.Sha256;

/**
 * API clients of other systems. Keys are random 256-bit secrets stored only as SHA-256 hashes; a key works while it
 * is enabled, not revoked and not past its expiry.
 */
@Repository
public class ApiClientRepository {

    private static final String KEY_PREFIX = "sohoa_";
    /** The last use is written at most this often per key, so that a busy client does not write on every call. */
    private static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiClientRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Creates a client and returns its key, which is shown once and never stored. */
    public IssuedApiKey create(String name, String agencyCode, String createdBy, OffsetDateTime expiresAt) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into api_clients (id, name, key_hash, agency_code, created_by, expires_at) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(id, name, hash(key), agencyCode, createdBy, expiresAt)
                .update();
        return new IssuedApiKey(id, name, agencyCode, VietnamTime.of(expiresAt), key);
    }

    /** The outcome of presenting a key: the client and the key's state; empty for a key never issued. */
    public record KeyCheck(SohoaPrincipal principal, String clientId, ApiKeyState state) {
    }

    public Optional<KeyCheck> check(String key) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("select * from api_clients where key_hash = ?")
                .param(hash(key))
                .query((rs, n) -> new KeyCheck(new SohoaPrincipal("api:" + rs.getString("id"), rs.getString("name"),
                        null, Role.SYSTEM, rs.getString("agency_code"), "", true), rs.getString("id"),
                        state(rs, now)))
                .optional();
    }

    /** Records that the client used its key now (at most one write a minute). */
    public void used(String clientId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("update api_clients set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(now, clientId, now.minus(LAST_USE_PRECISION)).update();
    }

    /** A client as an administrator sees it: the key itself was shown once and is not kept. */
    public record ApiClientSummary(String id, String name, String agencyCode, String createdBy,
                                   OffsetDateTime createdAt, ApiKeyState state, boolean enabled,
                                   OffsetDateTime expiresAt, OffsetDateTime revokedAt, String revokedBy,
                                   OffsetDateTime lastUsedAt) {
    }

    public List<ApiClientSummary> ofAgencies(Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("select * from api_clients where agency_code in (:agencies) order by created_at desc")
                .param("agencies", agencies)
                .query((rs, n) -> summary(rs, now))
                .list();
    }

    public Optional<ApiClientSummary> find(String id) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("select * from api_clients where id = ?").param(id).query((rs, n) -> summary(rs, now))
                .optional();
    }

    /** Turns the key off or on and/or moves its expiry; a revoked key stays revoked. */
    public void change(String id, Boolean enabled, OffsetDateTime expiresAt) {
        if (enabled != null) {
            jdbc.sql("update api_clients set enabled = ? where id = ?").params(enabled, id).update();
        }
        if (expiresAt != null) {
            jdbc.sql("update api_clients set expires_at = ? where id = ?").params(expiresAt, id).update();
        }
    }

    /** Revokes the key for good; false when it was revoked before. */
    public boolean revoke(String id, String by) {
        return jdbc.sql("update api_clients set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(OffsetDateTime.now(clock), by, id).update() == 1;
    }

    private static ApiKeyState state(ResultSet rs, OffsetDateTime now) throws SQLException {
        OffsetDateTime expiresAt = rs.getObject("expires_at", OffsetDateTime.class);
        if (rs.getObject("revoked_at") != null) {
            return ApiKeyState.REVOKED;
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return ApiKeyState.EXPIRED;
        }
        return rs.getBoolean("enabled") ? ApiKeyState.ACTIVE : ApiKeyState.DISABLED;
    }

    private static ApiClientSummary summary(ResultSet rs, OffsetDateTime now) throws SQLException {
        return new ApiClientSummary(rs.getString("id"), rs.getString("name"), rs.getString("agency_code"),
                rs.getString("created_by"), VietnamTime.of(rs.getObject("created_at", OffsetDateTime.class)),
                state(rs, now), rs.getBoolean("enabled"),
                VietnamTime.of(rs.getObject("expires_at", OffsetDateTime.class)),
                VietnamTime.of(rs.getObject("revoked_at", OffsetDateTime.class)), rs.getString("revoked_by"),
                VietnamTime.of(rs.getObject("last_used_at", OffsetDateTime.class)));
    }

    private static String hash(String key) {
        return Sha256.hex(key.getBytes(StandardCharsets.US_ASCII));
    }

    /** A newly issued key. */
    public record IssuedApiKey(String id, String name, String agencyCode, OffsetDateTime expiresAt, String apiKey) {
    }
}
