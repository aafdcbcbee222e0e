package vn.sohoa.app.certify;

import java.time.LocalDate;

import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.core.code.AdministrativeLevel;

/**
 * Which level of agency may certify copies from originals on a given date. From 2025-07-01 (two-level local
 * government) the commune People's Committee certifies; before that the district Justice Office did too.
 */
public final class Competence {

    public static final LocalDate TWO_LEVEL_REFORM = LocalDate.of(2025, 7, 1);

    private Competence() {
    }

    public static void check(AdministrativeLevel agencyLevel, LocalDate signingDate) {
        boolean allowed = agencyLevel == AdministrativeLevel.COMMUNE
                || (agencyLevel == AdministrativeLevel.DISTRICT && signingDate.isBefore(TWO_LEVEL_REFORM));
        if (!allowed) {
            throw new ForbiddenException("a " + agencyLevel + "-level agency may not certify copies on " + signingDate,
                    "cơ quan " + agencyLevel.vietnameseName().toLowerCase() + " không có thẩm quyền chứng thực bản "
                            + "sao vào ngày " + signingDate);
        }
    }
}
