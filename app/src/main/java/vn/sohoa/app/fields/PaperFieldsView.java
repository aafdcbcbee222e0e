package vn.sohoa.app.fields;

import java.util.Comparator;
import java.util.List;

import vn.sohoa.ocr.fields.ExtractedField;
import vn.sohoa.ocr.fields.FieldName;
import vn.sohoa.ocr.fields.PaperFields;
import vn.sohoa.ocr.fields.PaperType;

/**
 * What was read from a digitized paper, as {@code GET /api/v1/documents/{id}/fields} answers it.
 *
 * @param paperType     the kind of paper recognised from its title (a {@code PaperType} code), null before OCR
 * @param paperTypeName its name in Vietnamese and English
 * @param fields        each field read: name, value, confidence (0–1), page and box (pixels of the page image)
 * @param proposed      the values offered to the clerk to confirm: {@code paperType}, {@code citizenId},
 *                      {@code validUntil}, and the requester's {@code fullName}
 */
public record PaperFieldsView(String paperType, String paperTypeName, List<Field> fields, Proposed proposed) {

    public record Box(int left, int top, int right, int bottom) {
    }

    public record Field(String name, String value, double confidence, int page, Box box) {
    }

    public record Proposed(String paperType, String citizenId, String validUntil, String fullName) {
    }

    /** What was just read from a paper. */
    public static PaperFieldsView of(PaperFields read) {
        List<Field> fields = read.fields().stream().map(PaperFieldsView::field).toList();
        return of(read.type(), fields);
    }

    /**
     * The view of a paper of kind {@code kind} (null: not read yet) with these fields: the proposal is the kind
     * (unless OTHER) and each proposed field's most confident value.
     */
    static PaperFieldsView of(PaperType kind, List<Field> fields) {
        if (kind == null) {
            return new PaperFieldsView(null, null, fields, new Proposed(null, null, null, null));
        }
        return new PaperFieldsView(kind.name(), kind.vietnamese() + " / " + kind.english(), fields, new Proposed(
                kind == PaperType.OTHER ? null : kind.name(), best(fields, FieldName.CITIZEN_ID),
                best(fields, FieldName.VALID_UNTIL), best(fields, FieldName.FULL_NAME)));
    }

    private static Field field(ExtractedField read) {
        return new Field(read.name().name(), read.value(), read.confidence(), read.page(), new Box(read.box().left(),
                read.box().top(), read.box().right(), read.box().bottom()));
    }

    private static String best(List<Field> fields, FieldName name) {
        return fields.stream().filter(field -> field.name().equals(name.name()))
                .max(Comparator.comparingDouble(Field::confidence)).map(Field::value).orElse(null);
    }
}
