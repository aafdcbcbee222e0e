package vn.sohoa.signing.pades;

/** Who signs an electronic certified copy, in the order they sign (NĐ 45/2020). */
public enum SignerRole {
    /** The certifier's own signature (người thực hiện chứng thực). */
    CERTIFIER("Người thực hiện chứng thực / Certifier"),
    /** The certifying agency's signature, standing where the red seal stood (cơ quan chứng thực). */
    AGENCY("Cơ quan chứng thực / Certifying agency");

    private final String label;

    SignerRole(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
