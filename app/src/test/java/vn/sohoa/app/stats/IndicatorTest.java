package vn.sohoa.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The indicator formulas of the domain notes against figures worked out by hand. */
class IndicatorTest {

    @Test
    void ratesAndScoresAsTheNationalPortalComputesThem() {
        // 45 of 60 completed dossiers with an e-result: 75 %, 6 × 75 / 100 = 4.5 points
        IndicatorValue eResult = Indicator.E_RESULT_ISSUED.of(45, 60);
        assertThat(eResult.rate()).isEqualTo(75.0);
        assertThat(eResult.score()).isEqualTo(4.5);

        // 70 of 100 dossiers digitized: full points from 80 %, so 4 × 70 / 80 = 3.5
        IndicatorValue digitized = Indicator.DOSSIERS_DIGITIZED.of(70, 100);
        assertThat(digitized.rate()).isEqualTo(70.0);
        assertThat(digitized.score()).isEqualTo(3.5);

        // 85 % digitized already earns all 4 points
        assertThat(Indicator.DOSSIERS_DIGITIZED.of(85, 100).score()).isEqualTo(4.0);
        // reuse also gives full points from 80 %: 2 × 40 / 80 = 1
        assertThat(Indicator.REUSE_OF_DIGITIZED_DATA.of(2, 5).score()).isEqualTo(1.0);
        // 9 of 12 communes offer e-certified copies: 75 %, 2 × 0.75 = 1.5
        assertThat(Indicator.E_CERTIFIED_COPY_PROVISION.of(9, 12).score()).isEqualTo(1.5);
        // 1 of 3 dossiers linked with the data store: 33.33 %, 4 × 33.33 / 100 = 1.33
        IndicatorValue linked = Indicator.LINKED_WITH_PERSONAL_DATA_STORE.of(1, 3);
        assertThat(linked.rate()).isEqualTo(33.33);
        assertThat(linked.score()).isEqualTo(1.33);
    }

    @Test
    void anEmptyDenominatorIsNotApplicableNeverAHundredPercent() {
        IndicatorValue nothing = Indicator.DOSSIERS_DIGITIZED.of(0, 0);
        assertThat(nothing.applicable()).isFalse();
        assertThat(nothing.rate()).isNull();
        assertThat(nothing.score()).isNull();
    }

    @Test
    void aUnitsFiguresIncludeItsSubordinateUnitsByAddingCountsNotRates() {
        // commune A digitized 8 of 10 (80 %), commune B 1 of 40 (2.5 %): together 9 of 50 = 18 %, not the mean 41.25 %
        IndicatorValue province = Indicator.DOSSIERS_DIGITIZED.of(8, 10)
                .plus(Indicator.DOSSIERS_DIGITIZED.of(1, 40))
                .plus(Indicator.DOSSIERS_DIGITIZED.of(0, 0));
        assertThat(province.rate()).isEqualTo(18.0);
        assertThat(province.score()).isEqualTo(0.9);
        assertThatThrownBy(() -> province.plus(Indicator.REUSE_OF_DIGITIZED_DATA.of(1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Indicator.E_RESULT_ISSUED.of(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
