package vn.sohoa.app.certify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.audit.AuditAction;
import vn.sohoa.app.audit.AuditLog;
import vn.sohoa.core.storage.IntegrityException;
import vn.sohoa.core.util.Sha256;
import vn.sohoa.signing.verify.SignatureVerifier;
import vn.sohoa.signing.verify.VerificationReport;

/**
 * What anyone may learn about a certified copy from its QR code — agency, register number, date, certifier, and
 * whether the stored file is intact and its signatures valid — and what only the holder of the file or of the whole
 * verification code may see: the paper's title and the file itself. An unknown id and a wrong code look the same.
 */
@Service
public class PublicVerification {

    private final CertificationRepository certifications;
    private final AgencyRepository agencies;
    private final SignatureVerifier verifier;
    private final CertifiedCopies copies;

    private final AuditLog audit;

    PublicVerification(CertificationRepository certifications, AgencyRepository agencies,
                       SignatureVerifier verifier, CertifiedCopies copies, AuditLog audit) {
        this.audit = audit;
        this.copies = copies;
        this.certifications = certifications;
        this.agencies = agencies;
        this.verifier = verifier;
    }

    /**
     * @param fileIntact       the stored copy still has the SHA-256 recorded when it was issued
     * @param signaturesValid  its signatures verify (integrity, trusted chain)
     * @param documentTitle    the paper's title, only for the holder of the whole code or of the file
     * @param presentedFile    null when no file was presented; else whether it is exactly this copy
     * @param mayDownload      the whole code was given: the copy can be downloaded
     */
    public record View(String id, String agencyCode, String agencyName, long registerNumber, int copyIndex,
                       String book, OffsetDateTime certifiedAt, String certifierName, String certifierTitle,
                       boolean fileIntact, boolean signaturesValid, String documentTitle, Boolean presentedFile,
                       boolean mayDownload) {
    }

    /** The view for a QR code's {@code hint}, or a whole {@code code}, or a {@code presented} file. */
    public Optional<View> view(String id, String hint, String code, byte[] presented) {
        Optional<Certification> found = certifications.find(id);
        if (found.isEmpty() || found.get().verificationCode() == null) {
            return Optional.empty();
        }
        Certification copy = found.get();
        boolean wholeCode = code != null && same(code.strip().toUpperCase(), copy.verificationCode());
        boolean hinted = wholeCode || (hint != null && same(hint.strip().toUpperCase(), copy.verificationHint()));
        Boolean matchesFile = presented == null ? null : versionHashes(copy).contains(Sha256.hex(presented));
        if (!hinted && !Boolean.TRUE.equals(matchesFile)) {
            return Optional.empty();
        }
        boolean intact;
        boolean valid;
        try {
            byte[] stored = copies.latestVersion(copy);
            intact = true;
            VerificationReport report = verifier.verify(stored);
            valid = report.valid();
        } catch (IntegrityException e) {
            intact = false;
            valid = false;
        }
        boolean personal = wholeCode || Boolean.TRUE.equals(matchesFile);
        return Optional.of(new View(copy.id(), copy.agencyCode(),
                agencies.find(copy.agencyCode()).map(a -> a.name()).orElse(copy.agencyCode()), copy.registerNumber(),
                copy.copyIndex(), copy.book(), copy.certifiedAt(),
                copy.certifierName(), copy.certifierTitle(), intact, valid,
                personal ? certifications.documentTitle(copy.documentId()) : null, matchesFile, wholeCode));
    }

    /** The copy's file, for the holder of its whole verification code. */
    /** The copy for the holder of its whole verification code; each download is audited with the address. */
    public Optional<byte[]> download(String id, String code, String fromAddress) {
        return certifications.find(id)
                .filter(copy -> copy.verificationCode() != null && code != null
                        && same(code.strip().toUpperCase(), copy.verificationCode()))
                .map(copy -> {
                    byte[] pdf = copies.latestVersion(copy);
                    audit.record("public@" + fromAddress, copy.agencyCode(),
                            AuditAction.PUBLIC_COPY_DOWNLOADED, "copy " + copy.id(),
                            "with the verification code");
                    return pdf;
                });
    }

    /** The SHA-256 of every version of the copy: the one issued and each archive renewal. */
    private Set<String> versionHashes(Certification copy) {
        Set<String> hashes = new HashSet<>();
        hashes.add(copy.sha256());
        certifications.renewals(copy.id()).forEach(renewal -> hashes.add(renewal.sha256()));
        return hashes;
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
