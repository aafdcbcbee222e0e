package vn.sohoa.app.stats;

/**
 * One indicator's figures for a unit and period: the rate in percent and the points it earns,
 * score = min(max, max × rate / full-points rate). Both are null — "not applicable" — when the denominator is zero:
 * a unit that received nothing has not digitized 100 % of nothing.
 *
 * @param rate  percent, rounded to two decimals; null when not applicable
 * @param score points, rounded to two decimals; null when not applicable
 */
public record IndicatorValue(Indicator indicator, long numerator, long denominator, Double rate, Double score) {

    public IndicatorValue {
        if (numerator < 0 || denominator < 0 || numerator > denominator) {
            throw new IllegalArgumentException(indicator + ": " + numerator + " of " + denominator
                    + " is not a proportion");
        }
    }

    static IndicatorValue of(Indicator indicator, long numerator, long denominator) {
        if (denominator == 0) {
            return new IndicatorValue(indicator, numerator, 0, null, null);
        }
        double rate = 100.0 * numerator / denominator;
        double score = Math.min(indicator.maxPoints(), indicator.maxPoints() * rate / indicator.fullPointsAtRate());
        return new IndicatorValue(indicator, numerator, denominator, round(rate), round(score));
    }

    public boolean applicable() {
        return denominator > 0;
    }

    /** The figures of this unit together with another's (a unit's figures include its subordinate units). */
    public IndicatorValue plus(IndicatorValue other) {
        if (other.indicator != indicator) {
            throw new IllegalArgumentException("cannot add " + other.indicator + " to " + indicator);
        }
        return of(indicator, numerator + other.numerator, denominator + other.denominator);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
