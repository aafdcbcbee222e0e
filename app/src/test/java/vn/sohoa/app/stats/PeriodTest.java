package vn.sohoa.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import vn.sohoa.core.error.InvalidInputException;

@Tag("any-date") // run with the JVM in UTC and in Vietnam's zone (see the parent POM)
class PeriodTest {

    @Test
    void monthsQuartersAndYearsInVietnamTime() {
        Period month = Period.parse("2026-11");
        assertThat(month.firstDay()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(month.dayAfter()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(month.start().toString()).isEqualTo("2026-11-01T00:00+07:00");

        Period quarter = Period.parse("2026-Q4");
        assertThat(quarter.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(quarter.dayAfter()).isEqualTo(LocalDate.of(2027, 1, 1));

        Period year = Period.parse("2025");
        assertThat(year.firstDay()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(year.dayAfter()).isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void anythingElseNamesTheField() {
        for (String bad : new String[]{"2026-13", "2026-Q5", "26", "", "2026/11"}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("period"));
        }
    }

    @Test
    void aRateIsNotApplicableWithoutDossiersNeverOneHundredPercent() {
        assertThat(StatisticsService.Figures.of(0, 0, 3, 0, 0).rate()).isNull();
        assertThat(StatisticsService.Figures.of(3, 2, 0, 0, 0).rate()).isEqualTo(66.67);
        assertThat(StatisticsService.Figures.of(4, 4, 0, 0, 0).rate()).isEqualTo(100.0);
    }

    @Test
    void theRescanShareIsOfThePageScansTakenAndNotApplicableWithoutAny() {
        assertThat(StatisticsService.Figures.of(1, 1, 0, 0, 0).rescanRate()).isNull();
        assertThat(StatisticsService.Figures.of(1, 1, 0, 8, 1).rescanRate()).isEqualTo(12.5);
        assertThat(StatisticsService.Figures.of(1, 1, 0, 8, 1).plus(StatisticsService.Figures.of(2, 0, 0, 2, 1))
                .rescanRate()).as("summed, not averaged").isEqualTo(20.0);
    }
}
