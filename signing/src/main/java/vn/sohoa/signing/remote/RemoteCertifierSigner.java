package vn.sohoa.signing.remote;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Consumer;

import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.PreparedSignature;
import vn.sohoa.signing.pades.SignatureRequest;

/**
 * Signs a PDF with a key held by a CSC remote signing service: the chain from credentials/info, a prepared
 * signature, authorization for its one hash with the holder's PIN, signHash, and completion.
 */
public final class RemoteCertifierSigner {

    private final CscClient csc;
    private final PadesSigner signer;
    private final Consumer<List<X509Certificate>> chainCheck;

    /** @param chainCheck refuses a credential whose certificate chain is not trusted (throws) */
    public RemoteCertifierSigner(CscClient csc, PadesSigner signer, Consumer<List<X509Certificate>> chainCheck) {
        this.csc = csc;
        this.signer = signer;
        this.chainCheck = chainCheck;
    }

    public byte[] sign(byte[] pdf, String credentialId, char[] pin, SignatureRequest request) {
        CscClient.CredentialInfo credential = csc.info(credentialId);
        chainCheck.accept(credential.chain());
        PreparedSignature prepared = signer.prepareExternal(pdf, credential.chain(), request);
        List<byte[]> hashes = List.of(prepared.digestToSign());
        String sad = csc.authorize(credentialId, hashes, pin);
        return signer.completeExternal(prepared, csc.signHash(credentialId, sad, hashes).get(0));
    }
}
