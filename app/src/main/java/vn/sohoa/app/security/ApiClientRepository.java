package vn.sohoa.app.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.util.Sha256;

/** API clients of other systems. Keys are random 256-bit secrets stored only as SHA-256 hashes. */
@Repository
public class ApiClientRepository {

    private static final String KEY_PREFIX = "sohoa_";
    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    ApiClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates a client and returns its key, which is shown once and never stored. */
    public IssuedApiKey create(String name, String agencyCode, String createdBy) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into api_clients (id, name, key_hash, agency_code, created_by) values (?, ?, ?, ?, ?)")
                .params(id, name, Sha256.hex(key.getBytes(java.nio.charset.StandardCharsets.US_ASCII)), agencyCode,
                        createdBy)
                .update();
        return new IssuedApiKey(id, name, agencyCode, key);
    }

    public Optional<SohoaPrincipal> findByKey(String key) {
        String hash = Sha256.hex(key.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return jdbc.sql("select id, name, agency_code from api_clients where key_hash = ?")
                .param(hash)
                .query((rs, n) -> new SohoaPrincipal("api:" + rs.getString("id"), rs.getString("name"), null,
                        Role.SYSTEM, rs.getString("agency_code"), "", true))
                .optional();
    }

    /** A client as an administrator sees it: the key itself was shown once and is not kept. */
    public record ApiClientSummary(String id, String name, String agencyCode, String createdBy,
                                   java.time.OffsetDateTime createdAt) {
    }

    public java.util.List<ApiClientSummary> ofAgencies(java.util.Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return java.util.List.of();
        }
        return jdbc.sql("select * from api_clients where agency_code in (:agencies) order by created_at desc")
                .param("agencies", agencies)
                .query((rs, n) -> new ApiClientSummary(rs.getString("id"), rs.getString("name"),
                        rs.getString("agency_code"), rs.getString("created_by"), vn.sohoa.app.config.VietnamTime.of(
                        rs.getObject("created_at", java.time.OffsetDateTime.class))))
                .list();
    }

    /** A newly issued key. */
    public record IssuedApiKey(String id, String name, String agencyCode, String apiKey) {
    }
}
