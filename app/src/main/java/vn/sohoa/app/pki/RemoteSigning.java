package vn.sohoa.app.pki;

import java.util.Optional;

import vn.sohoa.signing.remote.RemoteCertifierSigner;

/** The configured remote signing service (CSC API v2) for certifiers, or none. */
public record RemoteSigning(RemoteCertifierSigner signer) {

    public static final RemoteSigning NONE = new RemoteSigning(null);

    public Optional<RemoteCertifierSigner> configured() {
        return Optional.ofNullable(signer);
    }
}
