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
        FeeSchedule fee = FeeSchedule.inForce(FeeSchedule.SHIPPED, LocalDate.of(2026, 11, 24));
        assertThat(fee.legalBasis()).isEqualTo("Thông tư 226/2016/TT-BTC");
        assertThat(fee.vnd(1)).isEqualTo(2_000);
        assertThat(fee.vnd(2)).isEqualTo(4_000);
        assertThat(fee.vnd(3)).isEqualTo(5_000);
        assertThat(fee.vnd(10)).isEqualTo(12_000);
        assertThat(fee.vnd(198)).isEqualTo(200_000);
        assertThat(fee.vnd(500)).isEqualTo(200_000);
        assertThatThrownBy(() -> fee.vnd(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachCopysReceiptLineShowsThePagesTheRatesAndTheBasis() {
        FeeSchedule fee = FeeSchedule.SHIPPED.get(0);
        assertThat(fee.receiptLine(1)).isEqualTo("1 trang: 1 × 2.000 đ = 2.000 đ (Thông tư 226/2016/TT-BTC)");
        assertThat(fee.receiptLine(5))
                .isEqualTo("5 trang: 2 × 2.000 đ + 3 × 1.000 đ = 7.000 đ (Thông tư 226/2016/TT-BTC)");
        assertThat(fee.receiptLine(250)).isEqualTo("250 trang: 2 × 2.000 đ + 248 × 1.000 đ = 252.000 đ → mức tối đa "
                + "200.000 đ/bản (Thông tư 226/2016/TT-BTC)");
    }

    @Test
    void theRateInForceIsTheLatestBegunByTheDay() {
        FeeSchedule later = new FeeSchedule(LocalDate.of(2027, 1, 1), 3_000, 1, 1_500, 300_000, "Thông tư mới");
        var schedules = java.util.List.of(FeeSchedule.SHIPPED.get(0), later);
        assertThat(FeeSchedule.inForce(schedules, LocalDate.of(2026, 12, 31))).isEqualTo(FeeSchedule.SHIPPED.get(0));
        assertThat(FeeSchedule.inForce(schedules, LocalDate.of(2027, 1, 1))).isEqualTo(later);
        assertThat(later.vnd(3)).isEqualTo(6_000);
        assertThatThrownBy(() -> FeeSchedule.inForce(schedules, LocalDate.of(2016, 12, 31)))
                .isInstanceOf(IllegalStateException.class);
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
