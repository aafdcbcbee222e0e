package vn.sohoa.ocr.fields;

import java.util.Objects;

import vn.sohoa.ocr.engine.PixelBox;

/**
 * One field read from a paper.
 *
 * @param name       which field
 * @param value      its value (dates as yyyy-mm-dd)
 * @param confidence 0–1: the recognition's confidence in the words read, times how sure the rule is (a labelled
 *                   value is surer than a number found alone)
 * @param page       1-based page it was read on
 * @param box        where on that page, in the page image's pixels
 */
public record ExtractedField(FieldName name, String value, double confidence, int page, PixelBox box) {

    public ExtractedField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
