package vn.sohoa.signing.remote;

import java.util.List;

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

    public RemoteCertifierSigner(CscClient csc, PadesSigner signer) {
        this.csc = csc;
        this.signer = signer;
    }

    public byte[] sign(byte[] pdf, String credentialId, char[] pin, SignatureRequest request) {
        CscClient.CredentialInfo credential = csc.info(credentialId);
        PreparedSignature prepared = signer.prepareExternal(pdf, credential.chain(), request);
        List<byte[]> hashes = List.of(prepared.digestToSign());
        String sad = csc.authorize(credentialId, hashes, pin);
        return signer.completeExternal(prepared, csc.signHash(credentialId, sad, hashes).get(0));
    }
}
