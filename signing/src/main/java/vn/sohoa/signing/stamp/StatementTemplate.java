package vn.sohoa.signing.stamp;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The wording of the certification statement (lời chứng). Decrees change it, so it is versioned with the date from
 * which it applies. Placeholders: {number} {book} {day} {month} {year} {date} {certifierName} {certifierTitle}
 * {agencyName}.
 */
public record StatementTemplate(String version, LocalDate effectiveFrom, List<String> lines) {

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

    public StatementTemplate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        lines = List.copyOf(lines);
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
                        .replace("{certifierName}", statement.certifierName())
                        .replace("{certifierTitle}", statement.certifierTitle())
                        .replace("{agencyName}", statement.agencyName()))
                .toList();
    }
}
