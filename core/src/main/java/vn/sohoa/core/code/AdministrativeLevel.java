package vn.sohoa.core.code;

/**
 * Level of an administrative unit. Districts existed until 2025-06-30 (two-level local government from 2025-07-01)
 * and stay here because historic statistics contain them. Ministries and provincial departments receive dossiers of
 * their own procedures and are scored like the local levels.
 */
public enum AdministrativeLevel {
    MINISTRY("Cấp bộ"),
    DEPARTMENT("Cấp sở, ngành"),
    PROVINCE("Cấp tỉnh"),
    DISTRICT("Cấp huyện"),
    COMMUNE("Cấp xã");

    private final String vietnameseName;

    AdministrativeLevel(String vietnameseName) {
        this.vietnameseName = vietnameseName;
    }

    public String vietnameseName() {
        return vietnameseName;
    }
}
