package vn.sohoa.app.stats;

/**
 * The national digitization indicators (QĐ 766/QĐ-TTg, as the national portal computes them): what each counts,
 * the points it is worth, and the rate from which it earns all of them.
 */
public enum Indicator {
    /** Completed dossiers with an electronic result / completed dossiers of procedures whose result is a paper. */
    E_RESULT_ISSUED("Cấp kết quả điện tử", 6, 100),
    /** Dossiers whose components were digitized (and e-result where required) / dossiers under jurisdiction. */
    DOSSIERS_DIGITIZED("Số hóa hồ sơ", 4, 80),
    /** Communes offering electronic certified copies / communes managed. */
    E_CERTIFIED_COPY_PROVISION("Cung cấp chứng thực bản sao điện tử", 2, 100),
    /** Dossiers with at least one reused digitized component / dossiers received. */
    REUSE_OF_DIGITIZED_DATA("Tái sử dụng dữ liệu số hóa", 2, 80),
    /** Dossiers with a component taken from, or a result synced to, the personal data store / dossiers received. */
    LINKED_WITH_PERSONAL_DATA_STORE("Kết nối kho dữ liệu cá nhân", 4, 100);

    private final String vietnameseName;
    private final double maxPoints;
    private final double fullPointsAtRate;

    Indicator(String vietnameseName, double maxPoints, double fullPointsAtRate) {
        this.vietnameseName = vietnameseName;
        this.maxPoints = maxPoints;
        this.fullPointsAtRate = fullPointsAtRate;
    }

    public String vietnameseName() {
        return vietnameseName;
    }

    public double maxPoints() {
        return maxPoints;
    }

    /** 100, or 80 for the indicators that give full points from 80 %. */
    public double fullPointsAtRate() {
        return fullPointsAtRate;
    }

    /** The value of this indicator for {@code numerator} of {@code denominator}. */
    public IndicatorValue of(long numerator, long denominator) {
        return IndicatorValue.of(this, numerator, denominator);
    }
}
