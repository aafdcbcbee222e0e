package vn.sohoa.signing.keys;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * Where a signer's private key lives, as the signing workflow sees it: the certificate chain, and a signature over
 * the data to sign — now, or later from outside the service. The three steps are EU DSS's: the PDF is prepared and
 * gives its data to sign, the device signs those bytes wherever the key is, and the signature value completes the
 * PDF ({@link vn.sohoa.signing.pades.PadesSigner#sign(byte[], SigningDevice, vn.sohoa.signing.pades.SignatureRequest)}).
 *
 * <p>Implementations: {@link KeyStoreDevice} (a PKCS#12 file or a PKCS#11 token, the key in this process),
 * {@link vn.sohoa.signing.remote.CscDevice} (a CSC API v2 remote signing service) and {@link DeferredDevice} (the
 * officer's USB token, answered later).
 */
public interface SigningDevice {

    /** The signer's certificate first, then its issuers. */
    List<X509Certificate> chain();

    /** Signs {@code data} with SHA-256 and the key of {@link #chain()}'s first certificate, or answers later. */
    SignatureAnswer sign(DataToSign data);

    /**
     * The key itself, when it is in this process and may sign any number of times: the signer then embeds the
     * signature time-stamp in the CMS and may re-sign while it learns the signature's size (ECDSA). Empty for keys
     * that sign once per prepared signature (remote, deferred).
     */
    default Optional<SigningKey> keyAtHand() {
        return Optional.empty();
    }
}
