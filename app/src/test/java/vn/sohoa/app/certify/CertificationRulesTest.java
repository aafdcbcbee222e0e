package vn.sohoa.app.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.core.code.AdministrativeLevel;

/** The domain notes' fee and competence rules, and the register's book label. */
@Tag("any-date") // run with the JVM in UTC and in Vietnam's zone (see the parent POM)
class CertificationRulesTest {

    @Test
    void feeIsTwoThousandAPageThenOneThousandFromPageThreeCappedAtTwoHundredThousand() {
        assertThat(CopyFee.vnd(1)).isEqualTo(2_000);
        assertThat(CopyFee.vnd(2)).isEqualTo(4_000);
        assertThat(CopyFee.vnd(3)).isEqualTo(5_000);
        assertThat(CopyFee.vnd(10)).isEqualTo(12_000);
        assertThat(CopyFee.vnd(198)).isEqualTo(200_000);
        assertThat(CopyFee.vnd(500)).isEqualTo(200_000);
        assertThatThrownBy(() -> CopyFee.vnd(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void communesCertifyAlwaysDistrictsOnlyBeforeTheTwoLevelReform() {
        Competence.check(AdministrativeLevel.COMMUNE, LocalDate.of(2026, 11, 24));
        Competence.check(AdministrativeLevel.DISTRICT, LocalDate.of(2025, 6, 30));
        assertThatThrownBy(() -> Competence.check(AdministrativeLevel.DISTRICT, LocalDate.of(2025, 7, 1)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("2025-07-01");
        assertThatThrownBy(() -> Competence.check(AdministrativeLevel.PROVINCE, LocalDate.of(2024, 1, 1)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void bookLabelsFollowTheElectronicRegisterPractice() {
        assertThat(RegisterKind.ELECTRONIC_COPY.bookLabel(1, 2026)).isEqualTo("01/2026-SCTĐT/BS");
        assertThat(RegisterKind.PAPER_COPY.bookLabel(12, 2025)).isEqualTo("12/2025-SCT/BS");
    }
}
