package vn.sohoa.signing.keys;

import vn.sohoa.core.util.Sha256;

/**
 * The bytes a signature covers: the DER-encoded CMS signed attributes of a prepared PAdES signature (they carry
 * the digest of the PDF's byte ranges).
 */
public record DataToSign(byte[] signedAttributes) {

    public DataToSign {
        signedAttributes = signedAttributes.clone();
    }

    @Override
    public byte[] signedAttributes() {
        return signedAttributes.clone();
    }

    /** The SHA-256 digest of the signed attributes: what a signHash service (CSC API, PKCS#11 token) signs. */
    public byte[] digest() {
        return Sha256.newDigest().digest(signedAttributes);
    }
}
