package vn.sohoa.signing.remote;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import vn.sohoa.signing.keys.DataToSign;
import vn.sohoa.signing.keys.SignatureAnswer;
import vn.sohoa.signing.keys.SigningDevice;

/**
 * A certifier's key held by a CSC API v2 remote signing service: the chain from credentials/info (checked once,
 * when the device is made), then for the one hash to sign an authorization with the holder's PIN and signHash.
 * The PIN is kept only until that one signature, then wiped.
 */
public final class CscDevice implements SigningDevice {

    private final CscClient csc;
    private final String credentialId;
    private final char[] pin;
    private final List<X509Certificate> chain;

    /** @param chainCheck refuses a credential whose certificate chain is not trusted (throws) */
    public CscDevice(CscClient csc, String credentialId, char[] pin, Consumer<List<X509Certificate>> chainCheck) {
        this.csc = csc;
        this.credentialId = credentialId;
        this.pin = pin.clone();
        this.chain = csc.info(credentialId).chain();
        chainCheck.accept(chain);
    }

    @Override
    public List<X509Certificate> chain() {
        return chain;
    }

    @Override
    public SignatureAnswer sign(DataToSign data) {
        List<byte[]> hashes = List.of(data.digest());
        try {
            String sad = csc.authorize(credentialId, hashes, pin);
            return new SignatureAnswer.Value(csc.signHash(credentialId, sad, hashes).get(0));
        } finally {
            Arrays.fill(pin, '\0');
        }
    }
}
