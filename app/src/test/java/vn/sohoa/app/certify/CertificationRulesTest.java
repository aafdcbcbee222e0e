package vn.sohoa.app.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.sohoa.app.error.ForbiddenException;
import vn.sohoa.app.principal.CertifierOffice;
import vn.sohoa.app.units.AdminUnit;
import vn.sohoa.app.units.UnitDirectory;
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
        var schedules = List.of(FeeSchedule.SHIPPED.get(0), later);
        assertThat(FeeSchedule.inForce(schedules, LocalDate.of(2026, 12, 31))).isEqualTo(FeeSchedule.SHIPPED.get(0));
        assertThat(FeeSchedule.inForce(schedules, LocalDate.of(2027, 1, 1))).isEqualTo(later);
        assertThat(later.vnd(3)).isEqualTo(6_000);
        assertThatThrownBy(() -> FeeSchedule.inForce(schedules, LocalDate.of(2016, 12, 31)))
                .isInstanceOf(IllegalStateException.class);
    }

    /** A province, a district abolished by the reform, a commune merged then, and the commune it merged into. */
    static final UnitDirectory UNITS = new UnitDirectory(List.of(
            new AdminUnit("P", "Tỉnh", AdministrativeLevel.PROVINCE, null, LocalDate.of(1997, 1, 1), null),
            new AdminUnit("D", "Huyện", AdministrativeLevel.DISTRICT, "P", LocalDate.of(1997, 1, 1),
                    LocalDate.of(2025, 7, 1)),
            new AdminUnit("OLD", "Xã cũ", AdministrativeLevel.COMMUNE, "D", LocalDate.of(1997, 1, 1),
                    LocalDate.of(2025, 7, 1)),
            new AdminUnit("NEW", "Xã mới", AdministrativeLevel.COMMUNE, "P", LocalDate.of(2025, 7, 1), null)),
            Map.of("OLD", List.of("NEW"), "D", List.of("P")));
    static final LocalDate LAST_DAY_BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    @Test
    void competenceFollowsTheUnitsAsTheyStoodOnTheSigningDate() {
        Competence.check(UNITS, "NEW", AdministrativeLevel.COMMUNE, CertifierOffice.COMMUNE_VICE_CHAIR, REFORM);
        Competence.check(UNITS, "OLD", AdministrativeLevel.COMMUNE, CertifierOffice.COMMUNE_CHAIR, LAST_DAY_BEFORE);
        Competence.check(UNITS, "D", AdministrativeLevel.DISTRICT, CertifierOffice.JUSTICE_OFFICE_HEAD,
                LAST_DAY_BEFORE);
        // a commune merged away on 2025-07-01 certifies nothing from that day, whatever its agency row says
        assertThatThrownBy(() -> Competence.check(UNITS, "OLD", AdministrativeLevel.COMMUNE,
                CertifierOffice.COMMUNE_CHAIR, REFORM)).isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("ended on 2025-06-30, merged into NEW").hasMessageEndingWith("on 2025-07-01");
        assertThatThrownBy(() -> Competence.check(UNITS, "NEW", AdministrativeLevel.COMMUNE,
                CertifierOffice.COMMUNE_CHAIR, LAST_DAY_BEFORE)).hasMessageContaining("did not exist yet");
        assertThatThrownBy(() -> Competence.check(UNITS, "D", AdministrativeLevel.DISTRICT,
                CertifierOffice.JUSTICE_OFFICE_HEAD, REFORM)).hasMessageContaining("DISTRICT-level unit D");
        assertThatThrownBy(() -> Competence.check(UNITS, "P", AdministrativeLevel.PROVINCE,
                CertifierOffice.COMMUNE_CHAIR, REFORM)).hasMessageContaining("PROVINCE-level agency");
        // an agency the directory does not know is judged by its own level
        Competence.check(UNITS, "UNKNOWN", AdministrativeLevel.COMMUNE, CertifierOffice.COMMUNE_CHAIR, REFORM);
        assertThatThrownBy(() -> Competence.check(UNITS, "UNKNOWN", AdministrativeLevel.DISTRICT,
                CertifierOffice.JUSTICE_OFFICE_HEAD, REFORM)).hasMessageContaining("NĐ 120/2025");
    }

    @Test
    void theCertifiersOfficeIsRecordedAndFitsTheLevel() {
        assertThatThrownBy(() -> Competence.check(UNITS, "NEW", AdministrativeLevel.COMMUNE, null, REFORM))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("office")
                .hasMessageContaining("is not recorded");
        assertThatThrownBy(() -> Competence.check(UNITS, "NEW", AdministrativeLevel.COMMUNE,
                CertifierOffice.JUSTICE_OFFICE_DEPUTY, REFORM))
                .hasMessageContaining("JUSTICE_OFFICE_DEPUTY does not certify copies at a COMMUNE-level agency");
        assertThatThrownBy(() -> Competence.check(UNITS, "D", AdministrativeLevel.DISTRICT,
                CertifierOffice.COMMUNE_CHAIR, LAST_DAY_BEFORE)).hasMessageContaining("DISTRICT-level agency");
    }

    @Test
    void bookLabelsFollowTheElectronicRegisterPractice() {
        assertThat(RegisterKind.ELECTRONIC_COPY.bookLabel(1, 2026)).isEqualTo("01/2026-SCTĐT/BS");
        assertThat(RegisterKind.PAPER_COPY.bookLabel(12, 2025)).isEqualTo("12/2025-SCT/BS");
    }
}
