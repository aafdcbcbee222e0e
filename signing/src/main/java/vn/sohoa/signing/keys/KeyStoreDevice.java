package vn.sohoa.signing.keys;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * A key held by this process through a JCA key store: a PKCS#12 file ({@link Pkcs12KeySource}) or a PKCS#11 token
 * ({@link Pkcs11Token}), whose key signs inside the token.
 */
public record KeyStoreDevice(SigningKey key) implements SigningDevice {

    @Override
    public List<X509Certificate> chain() {
        return key.chain();
    }

    @Override
    public SignatureAnswer sign(DataToSign data) {
        try {
            Signature signature = key.provider() == null ? Signature.getInstance(key.signatureAlgorithm())
                    : Signature.getInstance(key.signatureAlgorithm(), key.provider());
            signature.initSign(key.privateKey());
            signature.update(data.signedAttributes());
            return new SignatureAnswer.Value(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new SigningException("cannot sign with " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<SigningKey> keyAtHand() {
        return Optional.of(key);
    }
}
