package vn.sohoa.app.quality;

import java.util.Locale;

import vn.sohoa.core.error.InvalidInputException;

/** What an upload does with pages the scan-quality gate asks to rescan: {@code ?quality=advisory|strict}. */
public enum QualityMode {
    /** Store and digitize them; the verdicts come with the document for the clerk to act on. */
    ADVISORY,
    /** Refuse the upload with 422 naming the pages and reasons; nothing is stored. */
    STRICT;

    public static QualityMode parse(String value) {
        if (value == null || value.isBlank()) {
            return ADVISORY;
        }
        try {
            return valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("quality", "quality must be 'advisory' or 'strict', got '" + value + "'",
                    "quality phải là 'advisory' hoặc 'strict'");
        }
    }
}
