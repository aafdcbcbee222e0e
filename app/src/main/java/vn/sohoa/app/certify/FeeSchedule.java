package vn.sohoa.app.certify;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The fee for certifying a copy from the original, as a dated rate: so much a page for the first pages, less for each
 * page after them, at most a cap per copy, from an effective date, on a legal basis. Counted on the pages of the
 * original (a page appended to the copy for the statement is not charged). Sohoa ships the rate in force
 * ({@link #SHIPPED}); an administrator adds the next one when a circular changes it.
 *
 * @param firstPages    how many pages are charged {@code firstPagesVnd} each
 * @param laterPagesVnd the charge of each page after those
 * @param capVnd        the most one copy costs
 */
public record FeeSchedule(LocalDate effectiveFrom, long firstPagesVnd, int firstPages, long laterPagesVnd,
                          long capVnd, String legalBasis) {

    /**
     * Circular 226/2016/TT-BTC (in force from 1 January 2017), as in the domain notes: 2,000 VND a page, 1,000 VND
     * from page 3, at most 200,000 VND a copy.
     */
    public static final List<FeeSchedule> SHIPPED = List.of(new FeeSchedule(LocalDate.of(2017, 1, 1), 2_000, 2, 1_000,
            200_000, "Thông tư 226/2016/TT-BTC"));

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");

    /** The rate in force on {@code day}: the latest one begun by then. */
    public static FeeSchedule inForce(List<FeeSchedule> schedules, LocalDate day) {
        return schedules.stream().filter(schedule -> !schedule.effectiveFrom().isAfter(day))
                .max(Comparator.comparing(FeeSchedule::effectiveFrom))
                .orElseThrow(() -> new IllegalStateException("no fee schedule in force on " + day));
    }

    /** The fee of one copy of an original of {@code pages} pages. */
    public long vnd(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("a copy has at least one page");
        }
        long fee = Math.min(pages, firstPages) * firstPagesVnd + Math.max(0, pages - firstPages) * laterPagesVnd;
        return Math.min(fee, capVnd);
    }

    /**
     * The receipt's line for one copy, in Vietnamese, e.g. "5 trang: 2 × 2.000 đ + 3 × 1.000 đ = 7.000 đ (Thông tư
     * 226/2016/TT-BTC)"; a capped fee ends "… = 252.000 đ → mức tối đa 200.000 đ/bản (…)".
     */
    public String receiptLine(int pages) {
        NumberFormat money = NumberFormat.getIntegerInstance(VIETNAMESE);
        int first = Math.min(pages, firstPages);
        int later = Math.max(0, pages - firstPages);
        long uncapped = first * firstPagesVnd + later * laterPagesVnd;
        StringBuilder line = new StringBuilder().append(pages).append(" trang: ").append(first).append(" × ")
                .append(money.format(firstPagesVnd)).append(" đ");
        if (later > 0) {
            line.append(" + ").append(later).append(" × ").append(money.format(laterPagesVnd)).append(" đ");
        }
        line.append(" = ").append(money.format(uncapped)).append(" đ");
        if (uncapped > capVnd) {
            line.append(" → mức tối đa ").append(money.format(capVnd)).append(" đ/bản");
        }
        return line.append(" (").append(legalBasis).append(")").toString();
    }
}
