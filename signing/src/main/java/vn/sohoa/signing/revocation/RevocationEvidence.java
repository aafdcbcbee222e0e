package vn.sohoa.signing.revocation;

/**
 * Proof that a certificate was not revoked when asked: a DER OCSPResponse or a DER CRL, exactly as its issuer
 * signed it, so that it can be embedded and checked again years later.
 */
public record RevocationEvidence(Kind kind, byte[] encoded) {

    public enum Kind { OCSP_RESPONSE, CRL }

    public RevocationEvidence {
        encoded = encoded.clone();
    }

    @Override
    public byte[] encoded() {
        return encoded.clone();
    }
}
