package vn.sohoa.app.delivery;

/**
 * The port to the citizen's personal data store on the national public service portal (Kho quản lý dữ liệu điện tử
 * của tổ chức, cá nhân): files one certified copy for the requester. Implementations throw on any failure, so that
 * the delivery job tries again.
 */
public interface CitizenDataStore {

    /** What is filed: the copy and what the store indexes it by. */
    record CopyForCitizen(String certificationId, String citizenIdNumber, String idType, String citizenName,
                          String paperTitle, long registerNumber, String book, String agencyCode, String agencyName,
                          String certifiedAt, String sha256, byte[] pdf) {
    }

    void file(CopyForCitizen copy);
}
