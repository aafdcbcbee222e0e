package vn.sohoa.app.units;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every administrative unit with all its versions and successor links, in memory (a province has a few hundred units
 * over its history): which units a report on a unit and period covers.
 *
 * <p>A unit's figures include those of the units below it during the period, and those of the units it took over
 * (predecessors, transitively, with the units that were below them): a report on a commune formed by a merger on
 * 2025-07-01 shows, for 2024, what the communes it replaced did, and a province's 2024 figures include its districts.
 */
public final class UnitDirectory {

    private final Map<String, List<AdminUnit>> versions = new HashMap<>();
    private final Map<String, List<String>> predecessors = new HashMap<>();
    private final Map<String, List<String>> successors = new HashMap<>();
    /** Versions by parent code: reports ask for children many times per request. */
    private final Map<String, List<AdminUnit>> byParent = new HashMap<>();

    /** @param links predecessor code → successor codes */
    public UnitDirectory(Collection<AdminUnit> units, Map<String, List<String>> links) {
        for (AdminUnit unit : units) {
            versions.computeIfAbsent(unit.code(), c -> new ArrayList<>()).add(unit);
            if (unit.parentCode() != null) {
                byParent.computeIfAbsent(unit.parentCode(), c -> new ArrayList<>()).add(unit);
            }
        }
        versions.values().forEach(list -> list.sort(Comparator.comparing(AdminUnit::validFrom)));
        links.forEach((predecessor, next) -> {
            successors.put(predecessor, List.copyOf(next));
            next.forEach(s -> predecessors.computeIfAbsent(s, c -> new ArrayList<>()).add(predecessor));
        });
    }

    public boolean contains(String code) {
        return versions.containsKey(code);
    }

    /** The version valid during the period (the latest one when several are), else the latest version of all. */
    public Optional<AdminUnit> version(String code, LocalDate from, LocalDate until) {
        List<AdminUnit> all = versions.get(code);
        if (all == null) {
            return Optional.empty();
        }
        AdminUnit found = null;
        for (AdminUnit unit : all) {
            if (unit.overlaps(from, until)) {
                found = unit;
            }
        }
        return Optional.of(found != null ? found : all.get(all.size() - 1));
    }

    /** Units valid on {@code day}, in code order. */
    public List<AdminUnit> validOn(LocalDate day) {
        return versions.values().stream().flatMap(List::stream).filter(u -> u.validOn(day))
                .sorted(Comparator.comparing(AdminUnit::code)).toList();
    }

    /** Every version of every unit, in code and date order. */
    public List<AdminUnit> all() {
        return versions.values().stream().flatMap(List::stream)
                .sorted(Comparator.comparing(AdminUnit::code).thenComparing(AdminUnit::validFrom)).toList();
    }

    public List<String> successorsOf(String code) {
        return successors.getOrDefault(code, List.of());
    }

    public List<String> predecessorsOf(String code) {
        return predecessors.getOrDefault(code, List.of());
    }

    /** Units directly below {@code code} during the period, in code order. */
    public List<String> children(String code, LocalDate from, LocalDate until) {
        return byParent.getOrDefault(code, List.of()).stream()
                .filter(u -> u.overlaps(from, until))
                .map(AdminUnit::code).distinct().sorted().toList();
    }

    /**
     * The codes whose figures make up {@code code}'s during [{@code from}, {@code until}): the unit, the units below
     * it during the period, the units it took over, and theirs, to a fixed point.
     */
    public Set<String> scope(String code, LocalDate from, LocalDate until) {
        Set<String> scope = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.add(code);
        while (!pending.isEmpty()) {
            String current = pending.poll();
            if (!scope.add(current)) {
                continue;
            }
            pending.addAll(children(current, from, until));
            pending.addAll(predecessorsOf(current));
        }
        return scope;
    }
}
