package vn.sohoa.app.stats;

/**
 * Counts of one unit in one month, or sums of them: what the indicators are computed from.
 *
 * @param received             dossiers received (by month of receipt)
 * @param digitized            of those, dossiers whose components were all digitized, and whose result was issued
 *                             electronically when the procedure's result is a paper and it was completed
 * @param reused               of those, dossiers with at least one component reused from earlier digitized papers
 * @param linkedDataStore      of those, dossiers with a component from, or a result synced to, the personal data store
 * @param completedPaperResult dossiers of procedures whose result is a paper, completed (by month of completion)
 * @param completedElectronic  of those, completed with an electronic result
 * @param certifiedCopies      electronic certified copies issued (by month of issue)
 */
public record MonthFigures(long received, long digitized, long reused, long linkedDataStore, long completedPaperResult,
                           long completedElectronic, long certifiedCopies) {

    public static final MonthFigures ZERO = new MonthFigures(0, 0, 0, 0, 0, 0, 0);

    public MonthFigures plus(MonthFigures other) {
        return new MonthFigures(received + other.received, digitized + other.digitized, reused + other.reused,
                linkedDataStore + other.linkedDataStore, completedPaperResult + other.completedPaperResult,
                completedElectronic + other.completedElectronic, certifiedCopies + other.certifiedCopies);
    }

    public MonthFigures minus(MonthFigures other) {
        return plus(other.negated());
    }

    public MonthFigures negated() {
        return new MonthFigures(-received, -digitized, -reused, -linkedDataStore, -completedPaperResult,
                -completedElectronic, -certifiedCopies);
    }

    public boolean isZero() {
        return equals(ZERO);
    }
}
