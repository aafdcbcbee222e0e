package vn.sohoa.app.certify;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import vn.sohoa.app.agency.AccessPolicy;
import vn.sohoa.app.agency.AgencyRepository;
import vn.sohoa.app.config.PublicBaseUrl;
import vn.sohoa.app.document.DocumentService;
import vn.sohoa.app.error.NotFoundException;
import vn.sohoa.app.principal.SohoaPrincipal;
import vn.sohoa.core.storage.ObjectKey;
import vn.sohoa.core.storage.ObjectStore;

/** The read side of certification: issued copies, their files, and why an original may not be certified from. */
@Service
public class CertifiedCopies {

    private final CertificationRepository certifications;
    private final DocumentService documents;
    private final BarredOriginals barred;
    private final AccessPolicy access;
    private final ObjectStore store;
    private final AgencyRepository agencies;
    private final PublicBaseUrl publicBaseUrl;

    CertifiedCopies(CertificationRepository certifications, DocumentService documents, BarredOriginals barred,
                    AccessPolicy access, ObjectStore store, AgencyRepository agencies, PublicBaseUrl publicBaseUrl) {
        this.agencies = agencies;
        this.publicBaseUrl = publicBaseUrl;
        this.certifications = certifications;
        this.documents = documents;
        this.barred = barred;
        this.access = access;
        this.store = store;
    }

    public Certification get(SohoaPrincipal principal, String id) {
        Certification certification = certifications.find(id)
                .orElseThrow(() -> new NotFoundException("certified copy " + id));
        access.requireVisible(principal, certification.agencyCode(), "certified copy " + id);
        return certification;
    }

    /** The copy's file: its latest version when archive time-stamps were renewed. */
    public byte[] pdf(SohoaPrincipal principal, String id) {
        return latestVersion(get(principal, id));
    }

    byte[] latestVersion(Certification certification) {
        List<CertificationRepository.Renewal> renewals = certifications.renewals(certification.id());
        if (renewals.isEmpty()) {
            return store.readVerified(ObjectKey.parse(certification.objectKey()), certification.sha256());
        }
        CertificationRepository.Renewal last = renewals.get(renewals.size() - 1);
        return store.readVerified(ObjectKey.parse(last.objectKey()), last.sha256());
    }

    /** Why the document's original may not be certified from, or null when it may. */
    public BarReason barReason(SohoaPrincipal principal, String documentId) {
        documents.get(principal, documentId);
        return barred.find(documentId).map(BarredOriginals.Bar::reason).orElse(null);
    }

    /** Certified copies made from a document the caller may see. */
    public List<Certification> ofDocument(SohoaPrincipal principal, String documentId) {
        documents.get(principal, documentId);
        return certifications.ofDocument(documentId);
    }

    /** A copy for the service's own jobs (delivery), with no caller to check. */
    public Certification system(String id) {
        return certifications.find(id).orElseThrow(() -> new NotFoundException("certified copy " + id));
    }

    /** The copy's file as stored (its latest version), checked against its SHA-256. */
    public byte[] file(Certification copy) {
        return latestVersion(copy);
    }

    /** The title of the paper the copy was made from. */
    public String paperTitle(Certification copy) {
        return certifications.documentTitle(copy.documentId());
    }

    /** The requester's receipt for the copies made under the number of copy {@code id}, as a PDF/A-2b. */
    public byte[] receipt(SohoaPrincipal principal, String id) {
        Certification copy = get(principal, id);
        List<Certification> underTheNumber = certifications.search(List.of(copy.agencyCode()), copy.agencyCode(),
                copy.year(), copy.registerNumber()).stream().filter(c -> c.kind() == copy.kind())
                .sorted(Comparator.comparingInt(Certification::copyIndex)).toList();
        String agencyName = agencies.find(copy.agencyCode()).map(a -> a.name()).orElse(copy.agencyCode());
        return CopyReceipt.pdf(underTheNumber, certifications.documentTitle(copy.documentId()), agencyName,
                publicBaseUrl.value());
    }

    public List<Certification> search(SohoaPrincipal principal, String agencyCode, Integer year, Long number) {
        return certifications.search(access.visibleAgencies(principal), agencyCode, year, number);
    }
}
