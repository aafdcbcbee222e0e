package vn.sohoa.ingest;

/** What to do with PDF pages that already carry text (born-digital, or OCRed before). */
public enum TextPages {
    /** Keep their text as it is and do not recognise them again: exact, and no OCR time spent. */
    KEEP_TEXT,
    /** Recognise them like any scan, ignoring the text they carry (e.g. a poor earlier OCR). */
    FORCE_OCR
}
