package vn.sohoa.ocr.quality;

import java.util.Collection;

/** What the desk should do with a scanned page, from least to most serious. */
public enum QualityVerdict {
    /** Nothing found. */
    OK,
    /** Usable, but the clerk should look: a blank page, colour lost, a faint scan, an unsure reading. */
    WARN,
    /** Scan the page again while the citizen is still at the desk. */
    RESCAN;

    public QualityVerdict worse(QualityVerdict other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The most serious verdict the findings lead to; OK without any. */
    public static QualityVerdict worstOf(Collection<QualityFinding> findings) {
        QualityVerdict worst = OK;
        for (QualityFinding finding : findings) {
            worst = worst.worse(finding.reason().verdict());
        }
        return worst;
    }
}
