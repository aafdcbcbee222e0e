package vn.sohoa.signing.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.operator.ContentSigner;

/**
 * A key held by this process through a JCA key store: a PKCS#12 file ({@link Pkcs12KeySource}) or a PKCS#11 token
 * ({@link Pkcs11Token}), whose key signs inside the token.
 */
public record KeyStoreDevice(SigningKey key) implements SigningDevice {

    @Override
    public List<X509Certificate> chain() {
        return key.chain();
    }

    /** Signs through the key's own content signer: the same algorithm and provider as a signature made at hand. */
    @Override
    public SignatureAnswer sign(DataToSign data) {
        ContentSigner signer = key.contentSigner();
        try (OutputStream out = signer.getOutputStream()) {
            out.write(data.signedAttributes());
        } catch (IOException e) {
            throw new SigningException("cannot sign with " + key + ": " + e.getMessage(), e);
        }
        return new SignatureAnswer.Value(signer.getSignature());
    }

    @Override
    public Optional<SigningKey> keyAtHand() {
        return Optional.of(key);
    }
}
