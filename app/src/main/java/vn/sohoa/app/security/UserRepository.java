package vn.sohoa.app.security;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository implements UserDetailsService {

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    public boolean exists(String username) {
        return jdbc.sql("select count(*) from users where username = ?").param(username).query(Long.class)
                .single() > 0;
    }

    @Override
    public SohoaPrincipal loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
    }
}
