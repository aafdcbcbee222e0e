package vn.sohoa.core.util;

/**
 * One cell of a CSV file (RFC 4180) that spreadsheets open safely: a text beginning with {@code = + - @}, a tab or a
 * carriage return would be taken for a formula (OWASP "CSV injection"), so it is prefixed with an apostrophe, which
 * spreadsheets show as text; a cell with a comma, quote or line break is quoted.
 */
public final class Csv {

    private Csv() {
    }

    /** A text cell (a paper's title, a name, a reason: anything a user typed). */
    public static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** A cell of any value: numbers as they are (a negative number is a number, not a formula), text as {@link #cell(String)}. */
    public static String cell(Object value) {
        if (value instanceof Number number) {
            return number.toString();
        }
        return cell(value == null ? null : value.toString());
    }
}
