package vn.sohoa.app.principal;

/**
 * The office a certifier holds (NĐ 23/2015 art. 5 as amended for two-level local government): who signs copies in
 * the agency's name. Recorded on the user; checked against the agency's level on the signing date.
 */
public enum CertifierOffice {
    COMMUNE_CHAIR("Chủ tịch Ủy ban nhân dân xã"),
    COMMUNE_VICE_CHAIR("Phó Chủ tịch Ủy ban nhân dân xã"),
    /** District level, until 30 June 2025. */
    JUSTICE_OFFICE_HEAD("Trưởng phòng Tư pháp"),
    /** District level, until 30 June 2025. */
    JUSTICE_OFFICE_DEPUTY("Phó Trưởng phòng Tư pháp");

    private final String vietnamese;

    CertifierOffice(String vietnamese) {
        this.vietnamese = vietnamese;
    }

    public String vietnamese() {
        return vietnamese;
    }

    public boolean atCommune() {
        return this == COMMUNE_CHAIR || this == COMMUNE_VICE_CHAIR;
    }
}
