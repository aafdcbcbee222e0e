package vn.sohoa.signing.pades;

import java.security.cert.X509Certificate;
import java.util.List;

import vn.sohoa.core.util.Sha256;

/**
 * A signature waiting for its value from outside the service: the PDF with the signature dictionary and a zero-filled
 * /Contents gap, the byte ranges the signature covers, the DER signed attributes to be signed, and the signer's chain.
 * Everything needed to complete it later, on any node.
 */
public record PreparedSignature(byte[] pdf, int[] byteRange, byte[] signedAttributes, List<X509Certificate> chain) {

    public PreparedSignature {
        pdf = pdf.clone();
        byteRange = byteRange.clone();
        signedAttributes = signedAttributes.clone();
        chain = List.copyOf(chain);
    }

    @Override
    public byte[] pdf() {
        return pdf.clone();
    }

    @Override
    public int[] byteRange() {
        return byteRange.clone();
    }

    @Override
    public byte[] signedAttributes() {
        return signedAttributes.clone();
    }

    /** The SHA-256 digest of the signed attributes: what a signHash service (CSC API, PKCS#11 token) signs. */
    public byte[] digestToSign() {
        return Sha256.newDigest().digest(signedAttributes);
    }
}
