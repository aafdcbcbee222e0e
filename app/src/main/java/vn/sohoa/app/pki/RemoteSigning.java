package vn.sohoa.app.pki;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import vn.sohoa.app.error.ConflictException;
import vn.sohoa.core.error.InvalidInputException;
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

    /**
     * The certifier's key {@code credentialId} at the service, authorized for one signature by {@code pin}.
     *
     * @throws ConflictException     when no remote signing service is configured
     * @throws InvalidInputException when {@code credentialId} is blank
     */
    public SigningDevice device(String credentialId, char[] pin) {
        if (client == null) {
            throw new ConflictException("no remote signing service is configured (sohoa.signing.remote.base-url)",
                    "chưa cấu hình dịch vụ ký số từ xa");
        }
        if (credentialId == null || credentialId.isBlank()) {
            throw new InvalidInputException("credentialId", "credentialId names the certifier's key at the remote "
                    + "signing service", "cần mã khóa (credentialId) tại dịch vụ ký số từ xa");
        }
        return new CscDevice(client, credentialId, pin == null ? new char[0] : pin, chainCheck);
    }
}
