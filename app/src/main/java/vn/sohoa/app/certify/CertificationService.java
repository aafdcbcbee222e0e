package vn.sohoa.app.certify;

import java.security.cert.X509Certificate;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.error.ConflictException;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.pki.CertifierCertificates;
import vn.sohoa.app.pki.RemoteSigning;
import vn.sohoa.app.pki.SigningKeys;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.security.SigningPins;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.signing.keys.DeferredDevice;
import vn.sohoa.signing.keys.KeyStoreDevice;
import vn.sohoa.signing.keys.SigningDevice;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.pades.InvalidSignatureValueException;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.verify.SignatureVerifier;

/**
 * The ways a certifier certifies, each one choosing where the certifier's key is and handing it to the one
 * {@link CertifyCopy} workflow: the service's own key store, the officer's USB token (a signing session answered
 * later), or a remote signing service. Also the certifier's refusal to certify from an original.
 */
@Service
public class CertificationService {


    private final CertifyCopy certifyCopy;
    private final SigningKeys keys;
    private final RemoteSigning remoteSigning;
    private final SigningSessions sessions;
    private final SignatureVerifier trust;
    private final PadesSigner signer;
    private final Register register;
    private final Refusals refusals;
    private final CertifierCertificates enrolled;
    private final SigningPins pins;
    private final CertificationSettings settings;

    CertificationService(CertifyCopy certifyCopy, SigningKeys keys, RemoteSigning remoteSigning,
                         SigningSessions sessions, SignatureVerifier trust, PadesSigner signer, Register register,
                         Refusals refusals, CertifierCertificates enrolled, SigningPins pins,
                         CertificationSettings settings) {
        this.pins = pins;
        this.enrolled = enrolled;
        this.certifyCopy = certifyCopy;
        this.keys = keys;
        this.remoteSigning = remoteSigning;
        this.sessions = sessions;
        this.trust = trust;
        this.signer = signer;
        this.register = register;
        this.refusals = refusals;
        this.settings = settings;
    }

    /** One copy of the document for {@code requester}, under a number of its own. */
    public Certification certify(SohoaPrincipal certifier, String documentId, Requester requester,
                                 String signingPin) {
        return certify(certifier, documentId, requester, 1, signingPin).get(0);
    }

    /**
     * {@code copies} copies of the document asked for by {@code requester}, made at once with the certifier's key in
     * the service's key store.
     */
    public List<Certification> certify(SohoaPrincipal certifier, String documentId, Requester requester,
                                       int copies, String signingPin) {
        if (copies < 1 || copies > settings.maxCopies()) {
            throw new InvalidInputException("copies", "copies must be between 1 and " + settings.maxCopies()
                    + " (sohoa.certification.max-copies), was " + copies,
                    "số bản sao phải từ 1 đến " + settings.maxCopies() + ", nhận được " + copies);
        }
        CertificationRequest request = required(certifyCopy.check(certifier, documentId, requester));
        // the key the service holds for the certifier is released by the certifier's own PIN only
        pins.verify(certifier, signingPin);
        KeyStoreDevice certifierKey = new KeyStoreDevice(keys.certifierKey(certifier.username(),
                certifier.fullName(), request.agency().name()));
        return issued(certifyCopy.run(request, certifierKey, copies));
    }

    /**
     * First step of a certification whose certifier signs on a USB token outside the service: the number is
     * reserved, the statement stamped, and the certifier's signature prepared over it. The certifier has
     * {@code sohoa.certification.external-signing-timeout} to return the signature value.
     */
    public SigningSessions.Session prepareExternal(SohoaPrincipal certifier, String documentId, Requester requester,
                                                   List<X509Certificate> chain) {
        CertificationRequest request = required(certifyCopy.check(certifier, documentId, requester));
        try {
            trust.requireTrusted(chain, request.now().toInstant());
        } catch (SigningException e) {
            throw new InvalidInputException("certificateChain", e.getMessage(),
                    "chứng thư số không thuộc tổ chức cung cấp dịch vụ chứng thực được tin cậy", e);
        }
        // a trusted certificate is not enough: it must be one enrolled for the certifier signed in
        enrolled.requireEnrolled(certifier, chain.get(0));
        CertifyCopy.Result result = certifyCopy.run(request, new DeferredDevice(chain), 1);
        if (result instanceof CertifyCopy.Result.AwaitingSignature awaiting) {
            return awaiting.session();
        }
        throw new IllegalStateException("a deferred key answered at once");
    }

    /**
     * Second step: the certifier's signature value (or CMS) completes the prepared signature and the copy is
     * finished. A value that does not match leaves the session open for another try.
     */
    public Certification completeExternal(SohoaPrincipal certifier, String sessionId, byte[] signatureValue,
                                          byte[] cms) {
        SigningSessions.Session session = openSession(certifier, sessionId);
        if ((signatureValue == null) == (cms == null)) {
            throw new InvalidInputException("signatureValue", "send either signatureValue or cms (Base64)",
                    "gửi một trong hai: signatureValue hoặc cms (Base64)");
        }
        certifyCopy.requireOpenInTime(session);
        byte[] certifierSigned;
        try {
            certifierSigned = cms != null ? signer.completeWithCms(session.prepared(), cms)
                    : signer.complete(session.prepared(), signatureValue);
        } catch (InvalidSignatureValueException e) {
            throw new InvalidInputException(cms != null ? "cms" : "signatureValue", e.getMessage(),
                    e.vietnameseMessage(), e);
        }
        return certifyCopy.resume(certifyCopy.check(certifier, session.documentId(),
                register.requester(session.reservation())), session, certifierSigned);
    }

    /** The certifier's own signing session, refused unless it is still open. */
    private SigningSessions.Session openSession(SohoaPrincipal certifier, String sessionId) {
        SigningSessions.Session session = sessions.find(sessionId)
                .filter(found -> found.certifier().equals(certifier.username()))
                .orElseThrow(() -> new NotFoundException("signing session " + sessionId));
        if (session.status() != SigningSessions.Status.OPEN) {
            throw new ConflictException("signing session " + sessionId + " is " + session.status(),
                    "phiên ký " + sessionId + " không còn mở (" + session.status() + ")");
        }
        return session;
    }

    /** The certifier declines an open signing session: it is cancelled and its number recorded VOID at once. */
    public void cancelExternal(SohoaPrincipal certifier, String sessionId, CancelReason reason) {
        SigningSessions.Session session = openSession(certifier, sessionId);
        certifyCopy.cancel(session, reason);
    }

    /**
     * A certification whose certifier's key is held by the remote signing service (CSC API v2): the service signs
     * the prepared hash once the certifier's PIN authorizes it. The PIN is passed on and not kept.
     */
    public Certification certifyRemote(SohoaPrincipal certifier, String documentId, Requester requester,
                                       String credentialId, char[] pin) {
        CertificationRequest request = required(certifyCopy.check(certifier, documentId, requester));
        SigningDevice device = remoteSigning.device(credentialId, pin);
        enrolled.requireEnrolled(certifier, device.chain().get(0));
        return issued(certifyCopy.run(request, device, 1)).get(0);
    }

    /**
     * Every certification records who asked for it (NĐ 23/2015): none given is refused, naming the field, once the
     * certifier is known to be allowed to certify the document at all.
     */
    private static CertificationRequest required(CertificationRequest request) {
        if (request.requester() == null) {
            throw new InvalidInputException("requester", "requester is required: {\"requester\": {\"fullName\", "
                    + "\"idType\" (CCCD, PASSPORT, OTHER), \"idNumber\", \"phone\", \"email\"}}",
                    "cần thông tin người yêu cầu chứng thực (requester): họ tên, loại và số giấy tờ tùy thân");
        }
        return request;
    }

    private static List<Certification> issued(CertifyCopy.Result result) {
        if (result instanceof CertifyCopy.Result.Issued issued) {
            return issued.copies();
        }
        throw new IllegalStateException("a key at hand left a signing session open");
    }

    /**
     * The certifier refuses to certify from this original (erased, altered, damaged, ...): no copy will be made of
     * it, with this reason given to whoever asks; recorded as a refusal with its written notice ({@link Refusals}).
     */
    public void bar(SohoaPrincipal certifier, String documentId, BarReason reason, String note) {
        refusals.atCertification(certifier, documentId, reason, note, null);
    }
}
