package vn.sohoa.app.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.sohoa.app.units.UnitCsv;
import vn.sohoa.app.units.UnitDirectory;

/** The load-test province and its generated dossiers: the counts asked for, valid events, the same for one seed. */
@Tag("any-date") // run with the JVM in UTC and in Vietnam's zone (see the parent POM)
class GeneratedFactsTest {

    static UnitDirectory syntheticProvince() {
        UnitCsv.Parsed parsed = UnitCsv.parse(GenerateCommand.syntheticProvince());
        return new UnitDirectory(parsed.units(), parsed.successors());
    }

    @Test
    void everyDeskReceivesTheSameNumberOfValidDossiersAcrossTheReform() {
        UnitDirectory units = syntheticProvince();
        YearMonth june = YearMonth.of(2025, 6);
        YearMonth july = YearMonth.of(2025, 7);
        // June: the department, 12 districts and their 120 communes; July: the department and 60 merged communes
        assertThat(GeneratedFacts.unitsWithDesks(units, june)).isEqualTo(133);
        GeneratedFacts generator = new GeneratedFacts(units, 3);
        assertThat(generator.unitMonths(june, july)).isEqualTo(133 + 61);

        List<List<DossierEvent>> dossiers = new ArrayList<>();
        long count = generator.generate(june, july, 3, false, dossiers::add);
        assertThat(count).isEqualTo(3L * (133 + 61)).isEqualTo(dossiers.size());
        for (List<DossierEvent> dossier : dossiers) {
            dossier.forEach(DossierEvent::validate);
            DossierEvent receipt = dossier.get(0);
            assertThat(receipt.type()).isEqualTo(DossierEventType.RECEIVED);
            assertThat(units.contains(receipt.unitCode())).isTrue();
            assertThat(dossier).extracting(DossierEvent::dossierCode).containsOnly(receipt.dossierCode());
        }
        assertThat(dossiers).extracting(d -> d.get(0).dossierCode()).doesNotHaveDuplicates();

        List<List<DossierEvent>> again = new ArrayList<>();
        generator.generate(june, july, 3, false, again::add);
        assertThat(again).isEqualTo(dossiers);
    }
}
