package vn.sohoa.app.certify;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.CertifierOffice;
import vn.sohoa.app.units.AdminUnit;
import vn.sohoa.app.units.UnitDirectory;
import vn.sohoa.core.code.AdministrativeLevel;

/**
 * Who may certify copies from originals on a given date, decided from the administrative unit as it stood that day
 * (the versioned units), and from the certifier's office. From 2025-07-01 (two-level local government, NĐ 120/2025)
 * only the commune People's Committee certifies, by its Chairman or a Vice-Chairman; before that the district Justice
 * Office did too, by its head or deputy head. A unit merged away or abolished certifies nothing after its end. Each
 * refusal names the rule it applies.
 */
public final class Competence {

    public static final LocalDate TWO_LEVEL_REFORM = LocalDate.of(2025, 7, 1);

    private Competence() {
    }

    /**
     * @param agencyLevel the agency row's level, used when the directory does not know the agency's code
     * @param office      the certifier's recorded office, or null when none was recorded
     */
    public static void check(UnitDirectory units, String agencyCode, AdministrativeLevel agencyLevel,
                             CertifierOffice office, LocalDate signingDate) {
        AdministrativeLevel level = agencyLevel;
        if (units.contains(agencyCode)) {
            Optional<AdminUnit> onThatDay = units.version(agencyCode, signingDate, signingDate.plusDays(1))
                    .filter(unit -> unit.validOn(signingDate));
            if (onThatDay.isEmpty()) {
                AdminUnit last = units.version(agencyCode, signingDate, signingDate.plusDays(1)).orElseThrow();
                List<String> successors = units.successorsOf(agencyCode);
                throw new ForbiddenException("the " + last.level() + "-level unit " + agencyCode + " (" + last.name()
                        + ") " + (last.validFrom().isAfter(signingDate) ? "did not exist yet"
                        : "ended on " + last.validTo().minusDays(1)) + (successors.isEmpty() ? ""
                        : ", merged into " + String.join(", ", successors))
                        + " (administrative units as they stood on the signing date): it may not certify copies on "
                        + signingDate, "đơn vị hành chính " + last.name() + " không còn tồn tại vào ngày "
                        + signingDate + ", không có thẩm quyền chứng thực");
            }
            level = onThatDay.get().level();
        }
        boolean allowed = level == AdministrativeLevel.COMMUNE
                || (level == AdministrativeLevel.DISTRICT && signingDate.isBefore(TWO_LEVEL_REFORM));
        if (!allowed) {
            throw new ForbiddenException("a " + level + "-level agency (from " + TWO_LEVEL_REFORM + " only commune "
                    + "People's Committees certify copies, NĐ 120/2025; before, also district Justice Offices) may "
                    + "not certify copies on " + signingDate, "cơ quan " + level.vietnameseName().toLowerCase()
                    + " không có thẩm quyền chứng thực bản sao vào ngày " + signingDate);
        }
        if (office == null) {
            throw new ForbiddenException("the certifier's office (Chairman or Vice-Chairman of the commune People's "
                    + "Committee; before " + TWO_LEVEL_REFORM + " also head or deputy head of the district Justice "
                    + "Office) is not recorded: an administrator records it (PATCH /api/v1/users/{username} with "
                    + "office)", "chưa ghi nhận chức vụ của người thực hiện chứng thực");
        }
        boolean officeFits = level == AdministrativeLevel.COMMUNE ? office.atCommune() : !office.atCommune();
        if (!officeFits) {
            throw new ForbiddenException("a " + office + " does not certify copies at a " + level + "-level agency "
                    + "(NĐ 23/2015 art. 5: the commune's Chairman or Vice-Chairman, the district Justice Office's head "
                    + "or deputy head)", office.vietnamese() + " không có thẩm quyền chứng thực tại cơ quan "
                    + level.vietnameseName().toLowerCase());
        }
    }
}
