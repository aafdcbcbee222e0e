package vn.sohoa.ocr.fields;

import java.util.List;
import java.util.Optional;

/** What was read from a paper: its kind and its key fields (a field may appear more than once, e.g. two parties). */
public record PaperFields(PaperType type, List<ExtractedField> fields) {

    public PaperFields {
        fields = List.copyOf(fields);
    }

    /** The surest value of {@code name}, if any. */
    public Optional<ExtractedField> best(FieldName name) {
        return fields.stream().filter(field -> field.name() == name)
                .max((a, b) -> Double.compare(a.confidence(), b.confidence()));
    }
}
