package vn.sohoa.app.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.error.InvalidInputException;

/** Yearly targets per administrative level and indicator, in percent: data, set by administrators. */
@Repository
public class Targets {

    public record Target(int year, AdministrativeLevel level, Indicator indicator, double rate) {
    }

    private final JdbcClient jdbc;

    Targets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Target> ofYear(int year) {
        return jdbc.sql("select target_year, level, indicator, target_rate from indicator_targets "
                        + "where target_year = ? order by level, indicator")
                .param(year)
                .query((rs, n) -> new Target(rs.getInt("target_year"), AdministrativeLevel.valueOf(rs.getString("level")),
                        Indicator.valueOf(rs.getString("indicator")), rs.getBigDecimal("target_rate").doubleValue()))
                .list();
    }

    /** Replaces the targets of {@code year} with {@code targets}. */
    @Transactional
    public List<Target> replaceYear(int year, List<Target> targets) {
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "the year must be between 2000 and 2100", "năm không hợp lệ");
        }
        List<Target> stored = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        jdbc.sql("delete from indicator_targets where target_year = ?").param(year).update();
        for (Target target : targets) {
            if (target.level() == null || target.indicator() == null) {
                throw new InvalidInputException("targets", "each target needs a level and an indicator",
                        "mỗi chỉ tiêu cần cấp và chỉ số");
            }
            if (!seen.add(target.level() + "/" + target.indicator())) {
                throw new InvalidInputException("targets", "two targets for " + target.level() + " and "
                        + target.indicator(), "trùng chỉ tiêu cho " + target.level() + " và " + target.indicator());
            }
            if (target.rate() < 0 || target.rate() > 100) {
                throw new InvalidInputException("rate", "a target is a percentage from 0 to 100 (got "
                        + target.rate() + ")", "chỉ tiêu là tỷ lệ phần trăm từ 0 đến 100");
            }
            jdbc.sql("insert into indicator_targets (target_year, level, indicator, target_rate) values (?, ?, ?, ?)")
                    .params(year, target.level().name(), target.indicator().name(), BigDecimal.valueOf(target.rate()))
                    .update();
            stored.add(new Target(year, target.level(), target.indicator(), target.rate()));
        }
        return stored;
    }
}
