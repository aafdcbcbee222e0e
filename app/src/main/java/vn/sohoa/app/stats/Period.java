package vn.sohoa.app.stats;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.sohoa.core.error.InvalidInputException;

/** A reporting period in Vietnam time: a month ({@code 2026-11}), a quarter ({@code 2026-Q4}) or a year. */
public record Period(String label, LocalDate firstDay, LocalDate dayAfter) {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public static Period parse(String value) {
        String text = value == null ? "" : value.strip();
        Matcher m;
        if ((m = MONTH.matcher(text)).matches() && Integer.parseInt(m.group(2)) >= 1
                && Integer.parseInt(m.group(2)) <= 12) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            return new Period(text, first, first.plusMonths(1));
        }
        if ((m = QUARTER.matcher(text)).matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return new Period(text, first, first.plusMonths(3));
        }
        if ((m = YEAR.matcher(text)).matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 1, 1);
            return new Period(text, first, first.plusYears(1));
        }
        throw new InvalidInputException("period", "period must be YYYY-MM, YYYY-Qn or YYYY, e.g. 2026-11, 2026-Q4, "
                + "2026 (got '" + text + "')", "kỳ báo cáo phải có dạng YYYY-MM, YYYY-Qn hoặc YYYY");
    }

    public OffsetDateTime start() {
        return firstDay.atStartOfDay(VIETNAM).toOffsetDateTime();
    }

    public OffsetDateTime end() {
        return dayAfter.atStartOfDay(VIETNAM).toOffsetDateTime();
    }
}
