package vn.sohoa.ocr.pdfa;

/** The PDF/A part and conformance level Sohoa writes. All three carry the same file; only the claim differs. */
public enum PdfAFlavour {
    /** PDF/A-2b, the default: visual appearance preserved. */
    PDF_A_2B(2, "B"),
    /** PDF/A-2u: and every character maps to Unicode (the text layer already does). */
    PDF_A_2U(2, "U"),
    /** PDF/A-3b: as 2b, and files may be attached later (e.g. the original scan). */
    PDF_A_3B(3, "B");

    private final int part;
    private final String conformance;

    PdfAFlavour(int part, String conformance) {
        this.part = part;
        this.conformance = conformance;
    }

    public int part() {
        return part;
    }

    public String conformance() {
        return conformance;
    }

    /** Parses {@code pdfa-2b}, {@code PDF_A_2U}, {@code 3b} and the like. */
    public static PdfAFlavour parse(String value) {
        String normalized = value.toUpperCase().replace("PDF", "").replace("_", "").replace("-", "").replace("A", "");
        for (PdfAFlavour flavour : values()) {
            if (normalized.equals(flavour.part + flavour.conformance)) {
                return flavour;
            }
        }
        throw new IllegalArgumentException("not a PDF/A flavour Sohoa writes: " + value + " (pdfa-2b, pdfa-2u, pdfa-3b)");
    }
}
