package vn.sohoa.signing.keys;

import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A key the service never reaches: the officer's USB token on the desk. The service prepares the signature and
 * keeps it; the officer's signing agent signs the data and sends the value back, which completes it.
 */
public record DeferredDevice(List<X509Certificate> chain) implements SigningDevice {

    public DeferredDevice {
        if (chain == null || chain.isEmpty()) {
            throw new SigningException("the signer's certificate chain is empty");
        }
        chain = List.copyOf(chain);
    }

    @Override
    public SignatureAnswer sign(DataToSign data) {
        return new SignatureAnswer.Later();
    }
}
