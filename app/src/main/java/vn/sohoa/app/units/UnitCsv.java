package vn.sohoa.app.units;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.sohoa.core.code.AdministrativeLevel;
import vn.sohoa.core.error.InvalidInputException;

/**
 * The units file: a header line, then one line per unit version (RFC 4180 quoting):
 * <pre>code,name,level,parent_code,valid_from,valid_to,successors</pre>
 * {@code level} is MINISTRY, DEPARTMENT, PROVINCE, DISTRICT or COMMUNE; dates are ISO (2025-07-01); {@code valid_to}
 * is empty while the unit is valid; {@code successors} lists, separated by ';', the units that took over a unit that
 * ended (merged or abolished).
 */
public final class UnitCsv {

    public static final String HEADER = "code,name,level,parent_code,valid_from,valid_to,successors";
    public static final int MAX_LINES = 100_000;

    /** The parsed file: every version, and successor links by predecessor code. */
    public record Parsed(List<AdminUnit> units, Map<String, List<String>> successors) {
    }

    private UnitCsv() {
    }

    public static Parsed parse(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
        if (lines.length == 0 || !lines[0].strip().replace("\uFEFF", "").equalsIgnoreCase(HEADER)) {
            throw invalid(1, "the first line must be the header '" + HEADER + "'",
                    "dòng đầu phải là tiêu đề '" + HEADER + "'");
        }
        if (lines.length > MAX_LINES + 1) {
            throw invalid(lines.length, "at most " + MAX_LINES + " units per file", "tối đa " + MAX_LINES + " dòng");
        }
        List<AdminUnit> units = new ArrayList<>();
        Map<String, List<String>> successors = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNumber = i + 1;
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = fields(lines[i], lineNumber);
            if (fields.size() != 7) {
                throw invalid(lineNumber, "7 fields expected, found " + fields.size(),
                        "cần 7 trường, có " + fields.size());
            }
            String code = fields.get(0).strip();
            if (code.isEmpty() || code.length() > 20) {
                throw invalid(lineNumber, "the code is empty or longer than 20 characters", "mã đơn vị không hợp lệ");
            }
            AdministrativeLevel level;
            try {
                level = AdministrativeLevel.valueOf(fields.get(2).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw invalid(lineNumber, "unknown level '" + fields.get(2) + "'", "cấp không hợp lệ");
            }
            String parent = fields.get(3).strip();
            LocalDate from = date(fields.get(4), lineNumber, "valid_from");
            LocalDate to = fields.get(5).isBlank() ? null : date(fields.get(5), lineNumber, "valid_to");
            if (from == null) {
                throw invalid(lineNumber, "valid_from is required", "cần ngày bắt đầu hiệu lực");
            }
            try {
                units.add(new AdminUnit(code, fields.get(1).strip(), level, parent.isEmpty() ? null : parent, from,
                        to));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw invalid(lineNumber, e.getMessage(), "dữ liệu đơn vị không hợp lệ");
            }
            for (String successor : fields.get(6).split(";")) {
                if (!successor.isBlank()) {
                    if (to == null) {
                        throw invalid(lineNumber, code + " has successors but no valid_to",
                                "đơn vị có đơn vị kế thừa phải có ngày hết hiệu lực");
                    }
                    successors.computeIfAbsent(code, c -> new ArrayList<>()).add(successor.strip());
                }
            }
        }
        return new Parsed(units, successors);
    }

    private static LocalDate date(String value, int line, String field) {
        try {
            return value.isBlank() ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw invalid(line, field + " '" + value + "' is not a date like 2025-07-01",
                    field + " phải là ngày dạng 2025-07-01");
        }
    }

    /** One line's fields; a field in double quotes may hold commas, and "" stands for a quote. */
    static List<String> fields(String line, int lineNumber) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw invalid(lineNumber, "a quoted field is not closed", "thiếu dấu ngoặc kép đóng");
        }
        fields.add(field.toString());
        return fields;
    }

    private static InvalidInputException invalid(int line, String english, String vietnamese) {
        return new InvalidInputException("file", "line " + line + ": " + english, "dòng " + line + ": " + vietnamese);
    }
}
