package vn.sohoa.app.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.sohoa.core.code.AdministrativeLevel;

/** The demo province's units follow the 2025 reform as the real map did: districts gone, two provinces made one. */
class DemoUnitsTest {

    static final LocalDate LAST_DAY_BEFORE = LocalDate.of(2025, 6, 30);
    static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    static UnitCsv.Parsed demo() throws IOException {
        try (InputStream in = DemoUnitsTest.class.getResourceAsStream("/demo/units.csv")) {
            return UnitCsv.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theDemoMapIsTheTwoLevelOneFromTheFirstOfJuly2025() throws IOException {
        UnitCsv.Parsed parsed = demo();
        UnitDirectory units = new UnitDirectory(parsed.units(), parsed.successors());
        assertThat(parsed.units()).allMatch(unit -> unit.name().endsWith("(demo)"), "every name says (demo)");

        // before: two provinces (Đà Nẵng and Quảng Nam) with their districts
        assertThat(units.validOn(LAST_DAY_BEFORE).stream().filter(u -> u.level() == AdministrativeLevel.PROVINCE))
                .extracting(AdminUnit::name)
                .containsExactlyInAnyOrder("Thành phố Đà Nẵng (demo)", "Tỉnh Quảng Nam (demo)");
        assertThat(units.validOn(LAST_DAY_BEFORE)).anyMatch(u -> u.level() == AdministrativeLevel.DISTRICT);
        // from 1 July 2025: one province, no district, every commune directly under the province
        assertThat(units.validOn(REFORM).stream().filter(u -> u.level() == AdministrativeLevel.PROVINCE))
                .extracting(AdminUnit::name).containsExactly("Thành phố Đà Nẵng (demo)");
        assertThat(units.validOn(REFORM)).noneMatch(u -> u.level() == AdministrativeLevel.DISTRICT);
        assertThat(units.validOn(REFORM).stream().filter(u -> u.level() == AdministrativeLevel.COMMUNE))
                .isNotEmpty().allMatch(u -> u.parentCode().equals("000.00.00.H42"));
        // Quảng Nam and its units end on 30 June 2025 and are succeeded by Đà Nẵng's
        assertThat(units.version("000.00.00.H47", LAST_DAY_BEFORE, REFORM).orElseThrow().validTo()).isEqualTo(REFORM);
        assertThat(units.successorsOf("000.00.00.H47")).containsExactly("000.00.00.H42");
        assertThat(units.successorsOf("000.00.21.H47")).containsExactly("000.00.32.H42");
    }
}
