package vn.sohoa.ocr.fields;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.sohoa.core.code.PersonalIdNumber;
import vn.sohoa.ocr.engine.OcrLine;
import vn.sohoa.ocr.engine.OcrWord;
import vn.sohoa.ocr.engine.PixelBox;

/**
 * Reads a paper's kind and key fields from its recognised lines: the title names the kind; labels name the fields
 * ("Số định danh cá nhân:", "Họ, chữ đệm, tên:", "Ngày, tháng, năm sinh:", "Nơi cấp:", "Có giá trị đến:"), the
 * agency heading names the issuing body, and the place-and-date line ("Hòa Phong, ngày 18 tháng 3 năm 2025") the
 * paper's date. Values are checked before they are offered: an identification number against its format, a date
 * against the calendar, a name for capitalised words. Each field keeps the page and box it was read from and a
 * confidence (the words' recognition confidence times the rule's). Plain rules, no model: the clerk confirms or
 * corrects every pre-filled value, and the corrections measure the rules in use.
 */
public final class KeyFields {

    private static final Pattern ID = Pattern.compile("(?<![0-9])([0-9]{12})(?![0-9])");
    private static final Pattern ID_LABEL = Pattern.compile("cccd|cmnd|định danh|căn cước|identity|id no",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final String NUMERIC_DATE = "([0-9]{1,2})\\s*/\\s*([0-9]{1,2})\\s*/\\s*([0-9]{4})";
    private static final String WORDED_DATE = "ngày\\s+([0-9]{1,2})\\s+tháng\\s+([0-9]{1,2})\\s+năm\\s+([0-9]{4})";
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern BIRTH = Pattern.compile(
            "(?:ngày,?\\s*tháng,?\\s*năm\\s+sinh|ngày\\s+sinh|sinh\\s+ngày|date\\s+of\\s+birth)\\s*:?\\s*" + NUMERIC_DATE,
            FLAGS);
    private static final Pattern ISSUED = Pattern.compile(
            "(?:ngày\\s+cấp|cấp\\s+ngày|date\\s+of\\s+issue)\\s*:?\\s*" + NUMERIC_DATE, FLAGS);
    private static final Pattern PLACE_AND_DATE = Pattern.compile(
            "\\p{Lu}[\\p{L} ]{1,40},\\s*" + WORDED_DATE, Pattern.UNICODE_CASE);
    private static final Pattern TODAY = Pattern.compile("hôm\\s+nay,?\\s*ngày\\s+" + NUMERIC_DATE, FLAGS);
    private static final Pattern VALID_LABEL = Pattern.compile(
            "(?:có\\s+giá\\s+trị\\s+(?:sử\\s+dụng\\s+)?đến(?:\\s+ngày)?|ngày\\s+hết\\s+hạn|có\\s+hiệu\\s+lực\\s+đến"
                    + "(?:\\s+ngày)?|date\\s+of\\s+expiry)\\s*:?\\s*" + NUMERIC_DATE, FLAGS);
    private static final Pattern TERM_END = Pattern.compile("thời\\s+hạn.*?đến\\s+ngày\\s+" + NUMERIC_DATE, FLAGS);
    private static final Pattern NAME_LABEL = Pattern.compile(
            "(?:họ,?\\s*chữ\\s+đệm,?\\s*(?:và\\s+)?tên|họ\\s+(?:và\\s+)?tên)"
                    + "(?:\\s+người\\s+yêu\\s+cầu|\\s+người\\s+được\\s+cấp)?\\s*:\\s*", FLAGS);
    private static final Pattern DIPLOMA_NAME = Pattern.compile("^\\s*cho\\s*:\\s*", FLAGS);
    private static final Pattern ISSUER_LABEL = Pattern.compile("nơi\\s+cấp\\s*:\\s*", FLAGS);
    private static final Pattern MOTTO = Pattern.compile("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\\s*[-–]\\s*Tự do"
            + "\\s*[-–]\\s*Hạnh phúc|SOCIALIST REPUBLIC OF VIET ?NAM|Independence\\s*[-–]\\s*Freedom\\s*[-–]\\s*Happiness",
            FLAGS);
    private static final Pattern AGENCY = Pattern.compile("^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND|SỞ |BỘ |CÔNG AN|"
            + "PHÒNG |TÒA ÁN|VIỆN KIỂM SÁT)", Pattern.UNICODE_CASE);
    private static final Pattern LEVEL = Pattern.compile("^(XÃ|PHƯỜNG|THỊ TRẤN|HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TỈNH)\\b",
            Pattern.UNICODE_CASE);

    /** A recognised line with, for each character of its text, the word it belongs to (-1 for spaces). */
    private record Line(int page, String text, int[] wordAt, List<OcrWord> words) {

        static Line of(int page, OcrLine line) {
            StringBuilder text = new StringBuilder();
            List<Integer> owners = new ArrayList<>();
            for (int w = 0; w < line.words().size(); w++) {
                if (!text.isEmpty()) {
                    text.append(' ');
                    owners.add(-1);
                }
                String word = line.words().get(w).text();
                text.append(word);
                for (int c = 0; c < word.length(); c++) {
                    owners.add(w);
                }
            }
            return new Line(page, text.toString(), owners.stream().mapToInt(Integer::intValue).toArray(), line.words());
        }

        /** The field read from characters [start, end) of this line, with its box and confidence. */
        ExtractedField field(FieldName name, String value, int start, int end, double ruleConfidence) {
            int left = Integer.MAX_VALUE;
            int top = Integer.MAX_VALUE;
            int right = 0;
            int bottom = 0;
            double confidence = 0;
            int counted = 0;
            int last = -2;
            for (int i = Math.max(0, start); i < Math.min(end, wordAt.length); i++) {
                int w = wordAt[i];
                if (w < 0 || w == last) {
                    continue;
                }
                last = w;
                OcrWord word = words.get(w);
                left = Math.min(left, word.box().left());
                top = Math.min(top, word.box().top());
                right = Math.max(right, word.box().right());
                bottom = Math.max(bottom, word.box().bottom());
                confidence += word.confidence();
                counted++;
            }
            PixelBox box = counted == 0 ? new PixelBox(0, 0, 0, 0) : new PixelBox(left, top, right, bottom);
            double words = counted == 0 ? 0 : confidence / counted / 100.0;
            return new ExtractedField(name, value, Math.round(Math.min(1, words) * ruleConfidence * 1000) / 1000.0,
                    page, box);
        }
    }

    /** Reads the paper whose pages' lines are given, first page first. */
    public PaperFields read(List<List<OcrLine>> pages) {
        List<Line> lines = new ArrayList<>();
        for (int p = 0; p < pages.size(); p++) {
            for (OcrLine line : pages.get(p)) {
                if (!line.words().isEmpty()) {
                    lines.add(Line.of(p + 1, line));
                }
            }
        }
        PaperType type = type(lines);
        Map<String, ExtractedField> fields = new LinkedHashMap<>();
        citizenIds(lines, fields);
        names(lines, type, fields);
        dates(lines, type, fields);
        issuingBody(lines, type).ifPresent(field -> keep(fields, field));
        return new PaperFields(type, List.copyOf(fields.values()));
    }

    /** The kind named by the first title (a line mostly in capitals, the national motto aside) that names one. */
    private static PaperType type(List<Line> lines) {
        int page = 0;
        int onPage = 0;
        for (Line line : lines) {
            onPage = line.page() == page ? onPage + 1 : 1;
            page = line.page();
            if (onPage > 14) {
                continue; // titles are at the top
            }
            String title = withoutMotto(line.text());
            if (!capitals(title)) {
                continue;
            }
            for (PaperType type : PaperType.values()) {
                if (type.names(title.toUpperCase(Locale.ROOT))) {
                    return type;
                }
            }
        }
        return PaperType.OTHER;
    }

    /** A heading line with the national motto beside it (two columns read as one line) taken out. */
    private static String withoutMotto(String text) {
        return MOTTO.matcher(text).replaceAll(" ").strip();
    }

    private static boolean capitals(String text) {
        long letters = text.codePoints().filter(Character::isLetter).count();
        long upper = text.codePoints().filter(Character::isUpperCase).count();
        return letters >= 4 && upper >= letters * 0.8;
    }

    private static void citizenIds(List<Line> lines, Map<String, ExtractedField> fields) {
        for (Line line : lines) {
            Matcher m = ID.matcher(line.text());
            while (m.find()) {
                String number = m.group(1);
                if (PersonalIdNumber.isValid(number)) {
                    double rule = ID_LABEL.matcher(line.text()).find() ? 1.0 : 0.6;
                    keep(fields, line.field(FieldName.CITIZEN_ID, number, m.start(1), m.end(1), rule));
                }
            }
        }
    }

    private static void names(List<Line> lines, PaperType type, Map<String, ExtractedField> fields) {
        for (Line line : lines) {
            Matcher label = NAME_LABEL.matcher(line.text());
            if (label.find()) {
                name(line, label.end(), 1.0).ifPresent(field -> keep(fields, field));
            } else if (type == PaperType.DIPLOMA) {
                Matcher cho = DIPLOMA_NAME.matcher(line.text());
                if (cho.find()) {
                    name(line, cho.end(), 0.9).ifPresent(field -> keep(fields, field));
                }
            }
        }
    }

    /** The capitalised words from {@code start}: two to six of them make a name. */
    private static Optional<ExtractedField> name(Line line, int start, double rule) {
        String rest = line.text().substring(start);
        List<String> words = new ArrayList<>();
        int end = start;
        int at = start;
        for (String word : rest.split(" ", -1)) {
            if (word.isEmpty() || !word.codePoints().allMatch(Character::isLetter)
                    || !Character.isUpperCase(word.codePointAt(0)) || words.size() == 6) {
                break;
            }
            words.add(word);
            end = at + word.length();
            at = end + 1;
        }
        if (words.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(line.field(FieldName.FULL_NAME, String.join(" ", words), start, end, rule));
    }

    private static void dates(List<Line> lines, PaperType type, Map<String, ExtractedField> fields) {
        ExtractedField issued = null;
        ExtractedField placed = null;
        ExtractedField today = null;
        for (Line line : lines) {
            date(line, BIRTH, FieldName.DATE_OF_BIRTH, 1.0).ifPresent(field -> keep(fields, field));
            date(line, VALID_LABEL, FieldName.VALID_UNTIL, 1.0).ifPresent(field -> keep(fields, field));
            if (type == PaperType.CONTRACT) {
                date(line, TERM_END, FieldName.VALID_UNTIL, 0.8).ifPresent(field -> keep(fields, field));
            }
            if (issued == null && type == PaperType.CITIZEN_ID_CARD) {
                issued = date(line, ISSUED, FieldName.ISSUE_DATE, 1.0).orElse(null);
            }
            if (placed == null) {
                placed = date(line, PLACE_AND_DATE, FieldName.ISSUE_DATE, 0.9).orElse(null);
            }
            if (today == null) {
                today = date(line, TODAY, FieldName.ISSUE_DATE, 0.9).orElse(null);
            }
        }
        // the paper's own date: an identity card's date of issue, else the day a contract was made, else the
        // place-and-date line under the heading or above the signature
        ExtractedField paperDate = issued != null ? issued : today != null ? today : placed;
        if (paperDate != null) {
            keep(fields, paperDate);
        }
    }

    private static Optional<ExtractedField> date(Line line, Pattern pattern, FieldName name, double rule) {
        Matcher m = pattern.matcher(line.text());
        if (!m.find()) {
            return Optional.empty();
        }
        int groups = m.groupCount();
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(groups)), Integer.parseInt(m.group(groups - 1)),
                    Integer.parseInt(m.group(groups - 2)));
            return Optional.of(line.field(name, date.toString(), m.start(groups - 2), m.end(groups), rule));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty(); // "31/02/2024": a misreading, not a date
        }
    }

    /**
     * An identity card's "Nơi cấp:"; a diploma's university ("TRƯỜNG …"); otherwise the agency heading at the top
     * left ("ỦY BAN NHÂN DÂN" / "XÃ HÒA PHONG"), the national motto beside it taken out.
     */
    private static Optional<ExtractedField> issuingBody(List<Line> lines, PaperType type) {
        List<Line> top = lines.stream().filter(line -> line.page() == 1).limit(8).toList();
        if (type == PaperType.CITIZEN_ID_CARD) {
            for (Line line : lines) {
                Matcher label = ISSUER_LABEL.matcher(line.text());
                if (label.find()) {
                    String value = line.text().substring(label.end()).replaceAll("\\s*\\.{2,}.*$", "").strip();
                    if (!value.isEmpty()) {
                        return Optional.of(line.field(FieldName.ISSUING_BODY, value, label.end(),
                                label.end() + value.length(), 1.0));
                    }
                }
            }
        }
        for (int i = 0; i < top.size(); i++) {
            Line line = top.get(i);
            String heading = withoutMotto(line.text());
            if (heading.isEmpty() || !capitals(heading)) {
                continue;
            }
            if (type == PaperType.DIPLOMA && heading.startsWith("TRƯỜNG ")) {
                return Optional.of(line.field(FieldName.ISSUING_BODY, heading, 0, line.text().length(), 0.9));
            }
            if (AGENCY.matcher(heading).find()) {
                String body = heading.replaceFirst("^UBND\\b", "ỦY BAN NHÂN DÂN");
                int end = line.text().indexOf(heading) + heading.length();
                if (i + 1 < top.size()) {
                    String next = withoutMotto(top.get(i + 1).text());
                    if (capitals(next) && LEVEL.matcher(next).find()) {
                        body = body + " " + next;
                    }
                }
                return Optional.of(line.field(FieldName.ISSUING_BODY, body, line.text().indexOf(heading), end, 0.8));
            }
        }
        return Optional.empty();
    }

    /** One entry per field and value; the surest reading wins. */
    private static void keep(Map<String, ExtractedField> fields, ExtractedField field) {
        fields.merge(field.name() + "=" + field.value(), field,
                (old, now) -> now.confidence() > old.confidence() ? now : old);
    }
}
