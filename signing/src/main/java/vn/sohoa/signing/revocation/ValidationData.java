package vn.sohoa.signing.revocation;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * What a verifier needs years later to check signatures without asking anyone: every certificate of every chain
 * (signers, time-stamping authorities, responders) and the revocation evidence for each one that is not a trust
 * anchor. Embedded as the PDF's document security store (PAdES-BASELINE-LT).
 */
public record ValidationData(List<X509Certificate> certificates, List<RevocationEvidence> evidence) {

    public ValidationData {
        certificates = List.copyOf(certificates);
        evidence = List.copyOf(evidence);
    }
}
