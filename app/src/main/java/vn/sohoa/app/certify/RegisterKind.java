package vn.sohoa.app.certify;

/** Kinds of certification register (sổ chứng thực) that Sohoa keeps. */
public enum RegisterKind {
    /** Electronic copies certified from originals (practice: "SCTĐT/BS"). */
    ELECTRONIC_COPY("SCTĐT/BS"),
    /** Paper copies certified from originals ("SCT/BS"). */
    PAPER_COPY("SCT/BS");

    private final String code;

    RegisterKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The book's label as printed in the statement, e.g. {@code 01/2026-SCTĐT/BS}. */
    public String bookLabel(int bookNumber, int year) {
        return String.format("%02d/%d-%s", bookNumber, year, code);
    }
}
