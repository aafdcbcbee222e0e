package vn.sohoa.app.units;

import java.time.LocalDate;
import java.util.Objects;

import vn.sohoa.core.code.AdministrativeLevel;

/**
 * One version of an administrative unit, valid on [{@code validFrom}, {@code validTo}); {@code validTo} null while it
 * is still valid. A unit whose name, level or parent changes gets a new version under the same code; a merged or
 * abolished unit ends, and its successor links say which units took it over.
 */
public record AdminUnit(String code, String name, AdministrativeLevel level, String parentCode, LocalDate validFrom,
                        LocalDate validTo) {

    public AdminUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && !validTo.isAfter(validFrom)) {
            throw new IllegalArgumentException(code + ": valid_to " + validTo + " is not after valid_from " + validFrom);
        }
    }

    /** True when this version is valid on some day of [{@code from}, {@code until}). */
    public boolean overlaps(LocalDate from, LocalDate until) {
        return validFrom.isBefore(until) && (validTo == null || validTo.isAfter(from));
    }

    public boolean validOn(LocalDate day) {
        return overlaps(day, day.plusDays(1));
    }
}
