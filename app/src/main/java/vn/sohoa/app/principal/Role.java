package vn.sohoa.app.principal;

/** What a user or a system client may do. */
public enum Role {
    /** Cán bộ tiếp nhận: registers dossiers and uploads scans. */
    CLERK,
    /** Người thực hiện chứng thực: certifies copies. */
    CERTIFIER,
    /** Reads statistics. */
    SUPERVISOR,
    /** Manages units, users and API clients. */
    ADMIN,
    /** Another system (one-stop software, portal, archive) with an API key. */
    SYSTEM;

    public String authority() {
        return "ROLE_" + name();
    }
}
