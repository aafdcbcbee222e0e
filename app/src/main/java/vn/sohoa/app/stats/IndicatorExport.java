package vn.sohoa.app.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.sohoa.core.util.Csv;

/**
 * An indicator report as a table for spreadsheets: one line per row of the report (the unit's total, each level,
 * each subordinate unit), with every indicator's numerator, denominator, rate, score, target and attainment. CSV in
 * UTF-8 with a byte order mark (so that Excel shows Vietnamese), or XLSX.
 */
public final class IndicatorExport {

    private IndicatorExport() {
    }

    static List<String> header() {
        List<String> header = new ArrayList<>(List.of("Phần / Part", "Mã / Code", "Tên / Name", "Cấp / Level",
                "Số đơn vị / Units", "Kỳ / Period"));
        for (Indicator indicator : Indicator.values()) {
            String name = indicator.vietnameseName();
            header.addAll(List.of(name + " – tử số / numerator", name + " – mẫu số / denominator",
                    name + " – tỷ lệ % / rate %", name + " – điểm / points", name + " – chỉ tiêu % / target %",
                    name + " – đạt / attained"));
        }
        header.add("Tổng điểm / Total points");
        return header;
    }

    static List<List<Object>> lines(IndicatorReports.Report report) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(line("Tổng / Total", report.total(), report.period()));
        report.levels().forEach(row -> lines.add(line("Theo cấp / By level", row, report.period())));
        report.children().forEach(row -> lines.add(line("Đơn vị trực thuộc / Subordinate unit", row,
                report.period())));
        return lines;
    }

    private static List<Object> line(String part, IndicatorReports.Row row, String period) {
        List<Object> line = new ArrayList<>(List.of(part, row.code() == null ? "" : row.code(), row.name(),
                row.level().name(), row.units(), period));
        for (IndicatorReports.Value value : row.indicators()) {
            line.add(value.numerator());
            line.add(value.denominator());
            line.add(value.rate());
            line.add(value.score());
            line.add(value.target());
            line.add(value.attained() == null ? null : value.attained() ? "đạt / yes" : "chưa đạt / no");
        }
        line.add(row.score());
        return line;
    }

    public static byte[] csv(IndicatorReports.Report report) {
        StringBuilder text = new StringBuilder("\uFEFF");
        appendCsv(text, new ArrayList<>(header()));
        for (List<Object> line : lines(report)) {
            appendCsv(text, line);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendCsv(StringBuilder text, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(Csv.cell(fields.get(i)));
        }
        text.append("\r\n");
    }

    public static byte[] xlsx(IndicatorReports.Report report) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Chỉ số " + report.period());
            CellStyle bold = workbook.createCellStyle();
            var font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Chỉ số số hóa / Digitization indicators: " + report.total().name()
                    + " (" + report.unit() + "), " + report.from() + " – " + report.to());
            title.getCell(0).setCellStyle(bold);
            List<String> header = header();
            Row head = sheet.createRow(2);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                head.getCell(i).setCellStyle(bold);
            }
            int rowIndex = 3;
            for (List<Object> line : lines(report)) {
                Row row = sheet.createRow(rowIndex++);
                for (int i = 0; i < line.size(); i++) {
                    Object value = line.get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null) {
                        row.createCell(i).setCellValue(value.toString());
                    }
                }
            }
            sheet.createFreezePane(3, 3);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the XLSX export", e);
        }
    }
}
