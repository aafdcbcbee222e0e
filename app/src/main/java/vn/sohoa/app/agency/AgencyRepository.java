package vn.sohoa.app.agency;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.sohoa.core.code.AdministrativeLevel;

@Repository
public class AgencyRepository {

    private final JdbcClient jdbc;

    AgencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Agency> findAll() {
        return jdbc.sql("select code, name, level, parent_code from agencies order by code")
                .query((rs, n) -> new Agency(rs.getString("code"), rs.getString("name"),
                        AdministrativeLevel.valueOf(rs.getString("level")), rs.getString("parent_code")))
                .list();
    }

    public Optional<Agency> find(String code) {
        return jdbc.sql("select code, name, level, parent_code from agencies where code = ?")
                .param(code)
                .query((rs, n) -> new Agency(rs.getString("code"), rs.getString("name"),
                        AdministrativeLevel.valueOf(rs.getString("level")), rs.getString("parent_code")))
                .optional();
    }

    public void insert(Agency agency) {
        jdbc.sql("insert into agencies (code, name, level, parent_code) values (?, ?, ?, ?)")
                .params(agency.code(), agency.name(), agency.level().name(), agency.parentCode())
                .update();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from agencies").query(Long.class).single() == 0;
    }

    /** The unit and every unit below it, the unit first. */
    public Set<String> withDescendants(String code) {
        List<Agency> all = findAll();
        Set<String> result = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(code);
        while (!pending.isEmpty()) {
            String current = pending.poll();
            if (result.add(current)) {
                all.stream().filter(a -> current.equals(a.parentCode())).forEach(a -> pending.add(a.code()));
            }
        }
        return result;
    }
}
