package vn.sohoa.app.security;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import vn.sohoa.app.config.VietnamTime;
import vn.sohoa.app.principal.CertifierOffice;
import vn.sohoa.app.principal.Role;
import vn.sohoa.app.principal.SohoaPrincipal;

@Repository
public class UserRepository implements UserDetailsService {

    private final JdbcClient jdbc;
    private final LoginThrottle throttle;

    UserRepository(JdbcClient jdbc, ObjectProvider<LoginThrottle> throttle) {
        this.jdbc = jdbc;
        // absent in the command-line tools, which sign nobody in
        this.throttle = throttle.getIfAvailable();
    }

    public Optional<SohoaPrincipal> find(String username) {
        return jdbc.sql("select username, full_name, title, role, agency_code, password_hash, enabled from users "
                        + "where username = ?")
                .param(username)
                .query((rs, n) -> new SohoaPrincipal(rs.getString("username"), rs.getString("full_name"),
                        rs.getString("title"), Role.valueOf(rs.getString("role")), rs.getString("agency_code"),
                        rs.getString("password_hash"), rs.getBoolean("enabled")))
                .optional();
    }

    public void insert(String username, String passwordHash, String fullName, String title, Role role,
                       String agencyCode) {
        jdbc.sql("insert into users (username, password_hash, full_name, title, role, agency_code) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(username, passwordHash, fullName, title, role.name(), agencyCode)
                .update();
    }

    /** A user as an administrator sees it: never the password hash. */
    public record UserSummary(String username, String fullName, String title, Role role, String agencyCode,
                              boolean enabled, OffsetDateTime createdAt) {
    }

    public List<UserSummary> ofAgencies(Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from users where agency_code in (:agencies) order by agency_code, username")
                .param("agencies", agencies)
                .query((rs, n) -> new UserSummary(rs.getString("username"), rs.getString("full_name"),
                        rs.getString("title"), Role.valueOf(rs.getString("role")), rs.getString("agency_code"),
                        rs.getBoolean("enabled"), VietnamTime.of(rs.getObject("created_at", OffsetDateTime.class))))
                .list();
    }

    /** Changes what is given (null: unchanged). */
    public void update(String username, Role role, Boolean enabled, String passwordHash, String fullName,
                       String title) {
        jdbc.sql("update users set role = coalesce(:role, role), enabled = coalesce(:enabled, enabled), "
                        + "password_hash = coalesce(:hash, password_hash), full_name = coalesce(:name, full_name), "
                        + "title = coalesce(:title, title) where username = :username")
                .param("role", role == null ? null : role.name(), Types.VARCHAR)
                .param("enabled", enabled, Types.BOOLEAN)
                .param("hash", passwordHash, Types.VARCHAR)
                .param("name", fullName, Types.VARCHAR)
                .param("title", title, Types.VARCHAR)
                .param("username", username)
                .update();
    }

    /** The certifier's recorded office, or null. */
    public CertifierOffice office(String username) {
        return jdbc.sql("select office from users where username = ?").param(username)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o)
                .map(CertifierOffice::valueOf).orElse(null);
    }

    public void setOffice(String username, CertifierOffice office) {
        jdbc.sql("update users set office = ? where username = ?")
                .params(office == null ? null : office.name(), username).update();
    }

    /** Whether the user signs in with a temporary password an administrator set, to be changed first. */
    public boolean mustChangePassword(String username) {
        return jdbc.sql("select must_change_password from users where username = ?").param(username)
                .query(Boolean.class).optional().orElse(false);
    }

    /** Sets a password: temporary when an administrator set it, for good when the user chose it. */
    public void setPassword(String username, String passwordHash, boolean temporary) {
        jdbc.sql("update users set password_hash = ?, must_change_password = ? where username = ?")
                .params(passwordHash, temporary, username).update();
    }

    /** The BCrypt hash of the certifier's own signing PIN, or null when none is set. */
    public String signingPinHash(String username) {
        return jdbc.sql("select signing_pin_hash from users where username = ?").param(username)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(hash -> hash).orElse(null);
    }

    /** Sets (or, with null, clears) the signing PIN's hash. */
    public void setSigningPinHash(String username, String hash) {
        jdbc.sql("update users set signing_pin_hash = ? where username = ?").params(hash, username).update();
    }

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from users where username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    /**
     * The user to check the password against; refused at once, without a password check, while too many recent
     * failures from the caller's address lock the name (known or not, so the answer tells nothing about accounts).
     */
    @Override
    public SohoaPrincipal loadUserByUsername(String username) {
        if (throttle != null && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request) {
            Instant until = throttle.lockedUntil(username, request.getRequest().getRemoteAddr());
            if (until != null) {
                throw new LockedException("too many failed sign-ins from this address; try again after "
                        + DateTimeFormatter.ISO_LOCAL_TIME.format(
                        until.atZone(VietnamTime.ZONE).toLocalTime().withNano(0)) + " (Vietnam "
                        + "time) / Đăng nhập sai quá nhiều lần, vui lòng thử lại sau");
            }
        }
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
