package vn.sohoa.app.units;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The administrative units table and its successor links, and the {@link UnitDirectory} made from them: loaded once
 * and again after every import (units change a few times a year), and at most a minute old when another node
 * imported.
 */
@Repository
public class UnitRepository {

    private final JdbcClient jdbc;
    private static final long MAX_AGE_NANOS = 60_000_000_000L;

    private record Loaded(UnitDirectory directory, long at) {
    }

    private volatile Loaded loaded;

    public UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UnitDirectory directory() {
        Loaded current = loaded;
        if (current == null || System.nanoTime() - current.at() > MAX_AGE_NANOS) {
            current = new Loaded(load(), System.nanoTime());
            loaded = current;
        }
        return current.directory();
    }

    /** Counts of what an import changed. */
    public record ImportResult(int units, int versions, int successorLinks) {
    }

    /**
     * Replaces the versions and successor links of every unit in the file with the file's; other units stay. The
     * whole file is checked first: parents and successors must exist (in the file or already), and a unit's
     * versions must not overlap.
     */
    @Transactional
    public ImportResult importUnits(UnitCsv.Parsed parsed) {
        Set<String> codesInFile = new HashSet<>();
        parsed.units().forEach(u -> codesInFile.add(u.code()));
        Set<String> known = new HashSet<>(codesInFile);
        directory().all().forEach(u -> known.add(u.code()));
        Map<String, List<AdminUnit>> byCode = new HashMap<>();
        for (AdminUnit unit : parsed.units()) {
            if (unit.parentCode() != null && !known.contains(unit.parentCode())) {
                throw new InvalidInputException("file", unit.code() + ": parent " + unit.parentCode()
                        + " is neither in the file nor known", "đơn vị cấp trên " + unit.parentCode() + " không có");
            }
            byCode.computeIfAbsent(unit.code(), c -> new ArrayList<>()).add(unit);
        }
        byCode.forEach((code, versions) -> {
            versions.sort(Comparator.comparing(AdminUnit::validFrom));
            for (int i = 1; i < versions.size(); i++) {
                AdminUnit previous = versions.get(i - 1);
                if (previous.validTo() == null || previous.validTo().isAfter(versions.get(i).validFrom())) {
                    throw new InvalidInputException("file", code + ": the version from " + previous.validFrom()
                            + " overlaps the one from " + versions.get(i).validFrom(),
                            code + ": các phiên bản chồng lấn thời gian hiệu lực");
                }
            }
        });
        parsed.successors().forEach((predecessor, successors) -> successors.forEach(successor -> {
            if (!known.contains(successor)) {
                throw new InvalidInputException("file", predecessor + ": successor " + successor
                        + " is neither in the file nor known", "đơn vị kế thừa " + successor + " không có");
            }
        }));
        int links = 0;
        for (String code : codesInFile) {
            jdbc.sql("delete from admin_units where code = ?").param(code).update();
            jdbc.sql("delete from admin_unit_successors where predecessor_code = ?").param(code).update();
        }
        for (AdminUnit unit : parsed.units()) {
            jdbc.sql("insert into admin_units (code, valid_from, valid_to, name, level, parent_code) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(unit.code(), Date.valueOf(unit.validFrom()),
                            unit.validTo() == null ? null : Date.valueOf(unit.validTo()), unit.name(),
                            unit.level().name(), unit.parentCode())
                    .update();
        }
        for (var entry : parsed.successors().entrySet()) {
            AdminUnit ended = byCode.get(entry.getKey()).get(byCode.get(entry.getKey()).size() - 1);
            for (String successor : entry.getValue()) {
                jdbc.sql("insert into admin_unit_successors (predecessor_code, successor_code, effective_on) "
                                + "values (?, ?, ?)")
                        .params(entry.getKey(), successor, Date.valueOf(ended.validTo()))
                        .update();
                links++;
            }
        }
        loaded = null;
        return new ImportResult(codesInFile.size(), parsed.units().size(), links);
    }

    private UnitDirectory load() {
        List<AdminUnit> units = jdbc.sql("select code, valid_from, valid_to, name, level, parent_code from admin_units")
                .query((rs, n) -> new AdminUnit(rs.getString("code"), rs.getString("name"),
                        AdministrativeLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
                        rs.getObject("valid_from", LocalDate.class),
                        rs.getObject("valid_to", LocalDate.class)))
                .list();
        Map<String, List<String>> links = new HashMap<>();
        jdbc.sql("select predecessor_code, successor_code from admin_unit_successors order by successor_code")
                .query(rs -> {
                    links.computeIfAbsent(rs.getString("predecessor_code"), c -> new ArrayList<>())
                            .add(rs.getString("successor_code"));
                });
        return new UnitDirectory(units, links);
    }
}
