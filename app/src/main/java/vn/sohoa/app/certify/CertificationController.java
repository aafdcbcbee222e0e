package vn.sohoa.app.certify;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.app.citizen.Requester;
import vn.sohoa.app.citizen.RequesterInput;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.app.storage.PresignedLinks;
import vn.sohoa.core.error.InvalidInputException;
import vn.sohoa.core.storage.ObjectKey;

@RestController
@Tag(name = "Certified copies", description = "Chứng thực bản sao điện tử từ bản chính")
class CertificationController {

    private final CertificationService certifications;
    private final CertifiedCopies copies;
    private final PresignedLinks links;
    private final AuditLog audit;

    private byte[] downloaded(SohoaPrincipal principal, String id) {
        byte[] pdf = copies.pdf(principal, id);
        audit.record(principal.username(), principal.agencyCode(), AuditAction.COPY_DOWNLOADED, id, "certified copy");
        return pdf;
    }

    CertificationController(CertificationService certifications, CertifiedCopies copies, PresignedLinks links,
                            AuditLog audit) {
        this.audit = audit;
        this.certifications = certifications;
        this.copies = copies;
        this.links = links;
    }

    @PostMapping("/api/v1/certified-copies/{id}/links")
    @Operation(summary = "A time-limited link that fetches the certified copy straight from the object store")
    PresignedLinks.Link link(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                             @RequestParam(required = false) Integer expiresInSeconds) {
        return links.issue(principal, ObjectKey.parse(copies.get(principal, id).objectKey()), "copy " + id,
                expiresInSeconds);
    }

    /** A certified copy as the API shows it. */
    record CertifiedCopyView(String id, String documentId, String dossierCode, String agencyCode, String kind,
                             int year, long registerNumber, int copyIndex, String book, String certifier,
                             String certifierName, String certifierTitle, RequesterInput requester,
                             OffsetDateTime certifiedAt, String sha256, long size, int pages, long feeVnd,
                             String feeLine, String pdfUrl, String verificationUrl, String verificationCode) {

        static CertifiedCopyView of(Certification c) {
            return new CertifiedCopyView(c.id(), c.documentId(), c.dossierCode(), c.agencyCode(), c.kind().code(),
                    c.year(), c.registerNumber(), c.copyIndex(), c.book(), c.certifier(), c.certifierName(),
                    c.certifierTitle(), RequesterInput.of(c.requester()), c.certifiedAt(), c.sha256(), c.size(), c.pages(), c.feeVnd(),
                    c.feeLine(), "/api/v1/certified-copies/" + c.id() + "/pdf",
                    c.verificationCode() == null ? null : "/v/" + c.id() + "?h=" + c.verificationHint(),
                    c.verificationCode());
        }
    }

    /** The first copy, as before; {@code copies} lists every copy made under the number (one by default). */
    record CertificationView(String id, String documentId, String dossierCode, String agencyCode, String kind,
                             int year, long registerNumber, int copyIndex, String book, String certifier,
                             RequesterInput requester, OffsetDateTime certifiedAt, String sha256, long size,
                             int pages, long feeVnd, String feeLine, String pdfUrl, String verificationUrl,
                             String verificationCode, List<CertifiedCopyView> copies) {

        static CertificationView of(List<Certification> made) {
            CertifiedCopyView first = CertifiedCopyView.of(made.get(0));
            return new CertificationView(first.id(), first.documentId(), first.dossierCode(), first.agencyCode(),
                    first.kind(), first.year(), first.registerNumber(), first.copyIndex(), first.book(),
                    first.certifier(), first.requester(), first.certifiedAt(), first.sha256(), first.size(),
                    first.pages(),
                    first.feeVnd(), first.feeLine(), first.pdfUrl(), first.verificationUrl(), first.verificationCode(),
                    made.stream().map(CertifiedCopyView::of).toList());
        }
    }

    /**
     * The body of a certification request: who asks for the copies (required), and the certifier's own signing PIN,
     * which releases the key the service holds for them.
     */
    record CertificationBody(RequesterInput requester, String signingPin) {
        @Override
        public String toString() {
            return "CertificationBody[" + requester + ", signingPin=******]";
        }
    }

    @PostMapping("/api/v1/documents/{id}/certifications")
    @Operation(summary = "Certify a digitized document as electronic copies (certifier of the same agency) for the "
            + "requester in the body; copies made at once share one register number")
    ResponseEntity<CertificationView> certify(@AuthenticationPrincipal SohoaPrincipal principal,
                                              @PathVariable String id,
                                              @RequestParam(defaultValue = "1") int copies,
                                              @RequestBody(required = false) CertificationBody body) {
        return created(certifications.certify(principal, id, requester(body == null ? null : body.requester()),
                copies, body == null ? null : body.signingPin()));
    }

    /** The requester checked field by field, or null when none was sent (the service refuses that). */
    private static Requester requester(RequesterInput input) {
        return input == null ? null : input.toRequester("requester");
    }

    /** 201 with the first copy's address and every copy made under the number. */
    private static ResponseEntity<CertificationView> created(List<Certification> made) {
        return ResponseEntity.created(URI.create("/api/v1/certified-copies/" + made.get(0).id()))
                .body(CertificationView.of(made));
    }

    /** Who asks for the copy, and the certifier's certificate chain, signer first, each certificate Base64 DER. */
    record ExternalSigningRequest(RequesterInput requester, List<String> certificateChain) {
    }

    /** What the certifier's token or signing service must sign, and where to send the value. */
    record SigningSessionView(String sessionId, long registerNumber, String book, String hashAlgorithm,
                              String hashAlgorithmOid, String signatureAlgorithm, String signatureAlgorithmOid,
                              String dataToSign, String digest, OffsetDateTime expiresAt, String completeUrl) {
    }

    /**
     * The certifier's answer, Base64: the signature value over dataToSign (RSA PKCS#1 v1.5; ECDSA as DER or plain
     * r||s), or a CMS SignedData over it.
     */
    record ExternalSignature(String signatureValue, String cms) {
    }

    @PostMapping("/api/v1/documents/{id}/certifications/external")
    @Operation(summary = "Step 1 of a certification signed with a key outside the service (USB token, remote "
            + "signing): reserves the number, stamps the statement and returns the data to sign")
    ResponseEntity<SigningSessionView> prepareExternal(@AuthenticationPrincipal SohoaPrincipal principal,
                                                       @PathVariable String id,
                                                       @RequestBody(required = false)
                                                       ExternalSigningRequest request) {
        Requester requester = requester(request == null ? null : request.requester());
        SigningSessions.Session session = certifications.prepareExternal(principal, id, requester, chain(request));
        var prepared = session.prepared();
        String url = "/api/v1/signing-sessions/" + session.id() + "/signature";
        return ResponseEntity.created(URI.create("/api/v1/signing-sessions/" + session.id()))
                .body(new SigningSessionView(session.id(), session.reservation().number(),
                        session.reservation().book(), "SHA-256", "2.16.840.1.101.3.4.2.1",
                        prepared.scheme().description(), prepared.scheme().oid(),
                        Base64.getEncoder().encodeToString(prepared.signedAttributes()),
                        Base64.getEncoder().encodeToString(prepared.dataToSign().digest()), session.expiresAt(), url));
    }

    @DeleteMapping("/api/v1/signing-sessions/{sessionId}")
    @Operation(summary = "An open session that will not be signed: cancelled, its number recorded VOID at once with "
            + "the reason (DECLINED by the certifier, the default, or SIGNING_FAILED at the token)")
    ResponseEntity<Void> cancelExternal(@AuthenticationPrincipal SohoaPrincipal principal,
                                        @PathVariable String sessionId,
                                        @RequestParam(defaultValue = "DECLINED") CancelReason reason) {
        certifications.cancelExternal(principal, sessionId, reason);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/signing-sessions/{sessionId}/signature")
    @Operation(summary = "Step 2: the signature value completes the certifier's signature; the agency signs and "
            + "the certified copy is issued")
    ResponseEntity<CertificationView> completeExternal(@AuthenticationPrincipal SohoaPrincipal principal,
                                                       @PathVariable String sessionId,
                                                       @RequestBody ExternalSignature signature) {
        Certification made = certifications.completeExternal(principal, sessionId,
                base64("signatureValue", signature.signatureValue()), base64("cms", signature.cms()));
        return created(List.of(made));
    }

    /**
     * Who asks for the copy, the certifier's key at the remote signing service and the PIN that authorizes this one
     * signature.
     */
    record RemoteSigningRequest(RequesterInput requester, String credentialId, String pin) {
        @Override
        public String toString() {
            return "RemoteSigningRequest[credentialId=" + credentialId + ", pin=******]";
        }
    }

    @PostMapping("/api/v1/documents/{id}/certifications/remote")
    @Operation(summary = "Certify with the certifier's key at the configured remote signing service (CSC API v2)")
    ResponseEntity<CertificationView> certifyRemote(@AuthenticationPrincipal SohoaPrincipal principal,
                                                    @PathVariable String id,
                                                    @RequestBody(required = false)
                                                    RemoteSigningRequest request) {
        RemoteSigningRequest given = request == null ? new RemoteSigningRequest(null, null, null) : request;
        Certification made = certifications.certifyRemote(principal, id, requester(given.requester()),
                given.credentialId(), given.pin() == null ? null : given.pin().toCharArray());
        return created(List.of(made));
    }

    private static List<X509Certificate> chain(ExternalSigningRequest request) {
        if (request == null || request.certificateChain() == null || request.certificateChain().isEmpty()) {
            throw new InvalidInputException("certificateChain", "certificateChain must list the signer's "
                    + "certificate first, then its issuers (Base64 DER)", "cần chuỗi chứng thư số (Base64 DER)");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (String encoded : request.certificateChain()) {
            try {
                chain.add((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                        new ByteArrayInputStream(Base64.getMimeDecoder().decode(encoded))));
            } catch (CertificateException | IllegalArgumentException e) {
                throw new InvalidInputException("certificateChain", "certificate " + (chain.size() + 1)
                        + " is not a Base64 DER X.509 certificate: " + e.getMessage(),
                        "chứng thư thứ " + (chain.size() + 1) + " không hợp lệ");
            }
        }
        return chain;
    }

    private static byte[] base64(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Base64.getMimeDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, field + " is not Base64: " + e.getMessage(),
                    field + " không phải Base64");
        }
    }

    /** Why the original may not be certified from. */
    record BarRequest(BarReason reason, String note) {
    }

    @PostMapping("/api/v1/documents/{id}/barred")
    @Operation(summary = "The certifier refuses the original (erased, altered, damaged, ...): no copy is made of it")
    ResponseEntity<Void> bar(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id,
                             @RequestBody BarRequest request) {
        certifications.bar(principal, id, request == null ? null : request.reason(),
                request == null ? null : request.note());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/certified-copies/{id}")
    @Operation(summary = "A certified copy's register entry")
    CertifiedCopyView get(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return CertifiedCopyView.of(copies.get(principal, id));
    }

    @GetMapping(value = "/api/v1/certified-copies/{id}/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The signed certified copy (PDF/A-2b, two PAdES signatures)")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("ban-sao-" + id + ".pdf").build().toString())
                .body(downloaded(principal, id));
    }

    @GetMapping(value = "/api/v1/certified-copies/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The requester's receipt for the copies made under the copy's number (PDF/A-2b): paper, "
            + "number, each copy's fee and verification code with its QR code")
    ResponseEntity<byte[]> receipt(@AuthenticationPrincipal SohoaPrincipal principal, @PathVariable String id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("bien-nhan-" + id + ".pdf").build().toString())
                .body(copies.receipt(principal, id));
    }

    @GetMapping("/api/v1/certified-copies")
    @Operation(summary = "Find certified copies by agency, year and register number")
    List<CertifiedCopyView> search(@AuthenticationPrincipal SohoaPrincipal principal,
                                   @RequestParam(required = false) String agencyCode,
                                   @RequestParam(required = false) Integer year,
                                   @RequestParam(required = false) Long registerNumber) {
        return copies.search(principal, agencyCode, year, registerNumber).stream()
                .map(CertifiedCopyView::of).toList();
    }
}
