package vn.sohoa.app.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import vn.sohoa.signing.keys.SigningDevice;
import vn.sohoa.signing.remote.CscClient;
import vn.sohoa.signing.remote.CscDevice;

/**
 * The configured remote signing service (CSC API v2) for certifiers, or none.
 *
 * @param chainCheck refuses a credential whose certificate chain is not trusted (throws)
 */
public record RemoteSigning(CscClient client, Consumer<List<X509Certificate>> chainCheck) {

    public static final RemoteSigning NONE = new RemoteSigning(null, null);

    public boolean configured() {
        return client != null;
    }

    /** The certifier's key {@code credentialId} at the service, authorized for one signature by {@code pin}. */
    public SigningDevice device(String credentialId, char[] pin) {
        if (client == null) {
            throw new IllegalStateException("no remote signing service is configured");
        }
        return new CscDevice(client, credentialId, pin, chainCheck);
    }
}
