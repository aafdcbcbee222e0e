package vn.sohoa.app.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.sohoa.core.error.InvalidInputException;

/** Which units a report covers across the 2025 reform: abolished districts, merged communes, moved parents. */
@Tag("any-date") // run with the JVM in UTC and in Vietnam's zone (see the parent POM)
class UnitDirectoryTest {

    static final String UNITS = """
            code,name,level,parent_code,valid_from,valid_to,successors
            P,Tỉnh P,PROVINCE,,2000-01-01,,
            D,"Huyện D, cũ",DISTRICT,P,2000-01-01,2025-07-01,P
            A,Xã A,COMMUNE,D,2000-01-01,2025-07-01,N
            B,Xã B,COMMUNE,D,2000-01-01,2025-07-01,N
            C,Xã C,COMMUNE,D,2000-01-01,2025-07-01,
            C,Xã C,COMMUNE,P,2025-07-01,,
            N,Xã N,COMMUNE,P,2025-07-01,,
            """;

    static final LocalDate Q2 = LocalDate.of(2025, 4, 1);
    static final LocalDate Q3 = LocalDate.of(2025, 7, 1);
    static final LocalDate Q4 = LocalDate.of(2025, 10, 1);

    static UnitDirectory directory() {
        UnitCsv.Parsed parsed = UnitCsv.parse(UNITS);
        return new UnitDirectory(parsed.units(), parsed.successors());
    }

    @Test
    void beforeTheReformAProvinceCoversItsDistrictsAndTheirCommunes() {
        UnitDirectory units = directory();
        assertThat(units.scope("P", Q2, Q3)).containsExactlyInAnyOrder("P", "D", "A", "B", "C");
        assertThat(units.children("P", Q2, Q3)).containsExactly("D");
        assertThat(units.children("D", Q2, Q3)).containsExactly("A", "B", "C");
        assertThat(units.version("D", Q2, Q3).orElseThrow().name()).isEqualTo("Huyện D, cũ");
    }

    @Test
    void afterTheReformTheCommunesAreUnderTheProvinceAndTheMergedOnesCountForTheirSuccessor() {
        UnitDirectory units = directory();
        assertThat(units.children("P", Q3, Q4)).containsExactly("C", "N");
        // D and the communes N replaced are in scope so that what they recorded still counts, but they have no
        // subordinates any more
        assertThat(units.scope("P", Q3, Q4)).containsExactlyInAnyOrder("P", "C", "N", "D", "A", "B");
        assertThat(units.version("C", Q3, Q4).orElseThrow().parentCode()).isEqualTo("P");
    }

    @Test
    void aMergedCommuneReportsItsPredecessorsHistory() {
        UnitDirectory units = directory();
        assertThat(units.scope("N", Q2, Q3)).containsExactlyInAnyOrder("N", "A", "B");
        assertThat(units.predecessorsOf("N")).containsExactlyInAnyOrder("A", "B");
        assertThat(units.successorsOf("D")).containsExactly("P");
        assertThat(units.validOn(LocalDate.of(2025, 6, 30))).extracting(AdminUnit::code)
                .containsExactly("A", "B", "C", "D", "P");
        assertThat(units.validOn(LocalDate.of(2025, 7, 1))).extracting(AdminUnit::code)
                .containsExactly("C", "N", "P");
    }

    @Test
    void aBadFileIsRefusedWithItsLineNumber() {
        assertThatThrownBy(() -> UnitCsv.parse("code,name\nP,x"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("line 1");
        assertThatThrownBy(() -> UnitCsv.parse(UnitCsv.HEADER + "\nP,Tỉnh P,STATE,,2000-01-01,,"))
                .hasMessageContaining("line 2").hasMessageContaining("unknown level 'STATE'");
        assertThatThrownBy(() -> UnitCsv.parse(UnitCsv.HEADER + "\nP,Tỉnh P,PROVINCE,,2000-13-01,,"))
                .hasMessageContaining("line 2").hasMessageContaining("valid_from");
        assertThatThrownBy(() -> UnitCsv.parse(UnitCsv.HEADER + "\nA,Xã A,COMMUNE,,2000-01-01,,N"))
                .hasMessageContaining("has successors but no valid_to");
        assertThatThrownBy(() -> UnitCsv.parse(UnitCsv.HEADER + "\nA,\"Xã A,COMMUNE,,2000-01-01,,"))
                .hasMessageContaining("not closed");
    }
}
