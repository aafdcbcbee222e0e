package vn.sohoa.signing.stamp;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of the certification statement (lời chứng). Decrees change it, so each version carries the date from
 * which it applies, and a copy is stamped with the version in force on its certification date. Placeholders:
 * {number} {book} {day} {month} {year} {date} {certifiedAt} (ISO 8601 with +07:00) {certifierName}
 * {certifierTitle} {agencyName}; a line that is exactly {signature} leaves room for the certifier's signature
 * image and the agency's seal.
 */
public record StatementTemplate(String version, LocalDate effectiveFrom, List<String> lines) {

    public static final String SIGNATURE_LINE = "{signature}";

    /** The wording used by existing systems for electronic certified copies (NĐ 23/2015, NĐ 45/2020). */
    public static final StatementTemplate ELECTRONIC_COPY_V1 = new StatementTemplate("2020.1",
            LocalDate.of(2020, 4, 8), List.of(
                    "Chứng thực bản sao đúng với bản chính.",
                    "Số chứng thực: {number}    Quyển số: {book}",
                    "Ngày {day} tháng {month} năm {year} ({date})",
                    "Người thực hiện chứng thực",
                    "{certifierTitle}",
                    "{certifierName}",
                    "{agencyName}",
                    "(Bản sao điện tử có chữ ký số của người thực hiện chứng thực và của cơ quan)"));

    /**
     * From 1 July 2025 (two levels of local government, NĐ 120/2025): the same statement, with room for the
     * signature image and seal, and the signing time in ISO 8601 with +07:00 as the appearance rules ask.
     */
    public static final StatementTemplate ELECTRONIC_COPY_V2 = new StatementTemplate("2025.1",
            LocalDate.of(2025, 7, 1), List.of(
                    "Chứng thực bản sao đúng với bản chính.",
                    "Số chứng thực: {number}    Quyển số: {book}",
                    "Ngày {day} tháng {month} năm {year}",
                    "Người thực hiện chứng thực",
                    "{certifierTitle}",
                    SIGNATURE_LINE,
                    "{certifierName}",
                    "{agencyName}",
                    "Ký số lúc {certifiedAt}",
                    "(Bản sao điện tử có chữ ký số của người thực hiện chứng thực và của cơ quan)"));

    /** Every version Sohoa knows, oldest first. */
    public static final List<StatementTemplate> ELECTRONIC_COPY = List.of(ELECTRONIC_COPY_V1, ELECTRONIC_COPY_V2);

    /** The placeholders a template may use. */
    public static final Set<String> PLACEHOLDERS = Set.of("{number}", "{book}", "{day}", "{month}",
            "{year}", "{date}", "{certifiedAt}", "{certifierName}", "{certifierTitle}", "{agencyName}",
            SIGNATURE_LINE);
    /** What every statement must say: which number, in which book, by whom, for which agency. */
    public static final List<String> REQUIRED = List.of("{number}", "{book}", "{certifierName}", "{agencyName}");
    public static final int MAX_LINES = 16;
    public static final int MAX_LINE_LENGTH = 150;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{[^{}]*}");

    public StatementTemplate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        lines = List.copyOf(lines);
    }

    /**
     * What is wrong with a template's wording, one sentence each; empty when nothing is. The glyphs are checked when
     * the statement is stamped (a preview shows it).
     */
    public static List<String> problems(List<String> lines) {
        List<String> problems = new ArrayList<>();
        if (lines == null || lines.isEmpty() || lines.stream().allMatch(String::isBlank)) {
            return List.of("the template has no line");
        }
        if (lines.size() > MAX_LINES) {
            problems.add("at most " + MAX_LINES + " lines, got " + lines.size());
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.length() > MAX_LINE_LENGTH) {
                problems.add("line " + (i + 1) + " has " + line.length() + " characters; at most " + MAX_LINE_LENGTH);
            }
            Matcher placeholder = PLACEHOLDER.matcher(line);
            while (placeholder.find()) {
                if (!PLACEHOLDERS.contains(placeholder.group())) {
                    problems.add("line " + (i + 1) + ": unknown placeholder " + placeholder.group());
                }
            }
            if (line.contains(SIGNATURE_LINE) && !line.strip().equals(SIGNATURE_LINE)) {
                problems.add("line " + (i + 1) + ": " + SIGNATURE_LINE + " must be a line of its own");
            }
        }
        String all = String.join("\n", lines);
        for (String required : REQUIRED) {
            if (!all.contains(required)) {
                problems.add("the statement must contain " + required);
            }
        }
        return problems;
    }

    /** The version of {@code versions} in force on {@code date}. */
    public static StatementTemplate inForce(List<StatementTemplate> versions, LocalDate date) {
        return versions.stream().filter(version -> !version.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(StatementTemplate::effectiveFrom))
                .orElseThrow(() -> new IllegalArgumentException("no statement template is in force on " + date));
    }

    public List<String> render(CertificationStatement statement) {
        return lines.stream().map(line -> line
                        .replace("{number}", String.valueOf(statement.registerNumber()))
                        .replace("{book}", statement.book())
                        .replace("{day}", String.format("%02d", statement.date().getDayOfMonth()))
                        .replace("{month}", String.format("%02d", statement.date().getMonthValue()))
                        .replace("{year}", String.valueOf(statement.date().getYear()))
                        .replace("{date}", String.format("%02d/%02d/%d", statement.date().getDayOfMonth(),
                                statement.date().getMonthValue(), statement.date().getYear()))
                        .replace("{certifiedAt}", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                                statement.certifiedAt().withNano(0)))
                        .replace("{certifierName}", statement.certifierName())
                        .replace("{certifierTitle}", statement.certifierTitle())
                        .replace("{agencyName}", statement.agencyName()))
                .filter(line -> !line.isBlank())
                .toList();
    }
}
