package vn.sohoa.app.fields;

import java.util.List;

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
}
