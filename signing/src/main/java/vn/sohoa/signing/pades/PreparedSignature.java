package vn.sohoa.signing.pades;

import java.security.cert.X509Certificate;
import java.util.List;

import vn.sohoa.signing.keys.DataToSign;

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

    /** How the signer's key signs, from its certificate. */
    public ExternalSignatureScheme scheme() {
        return ExternalSignatureScheme.of(chain.get(0).getPublicKey());
    }

    /** What the signer's key signs. */
    public DataToSign dataToSign() {
        return new DataToSign(signedAttributes);
    }
}
