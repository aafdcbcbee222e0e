package vn.sohoa.signing;

import java.security.cert.X509Certificate;

import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.http.commons.CommonsDataLoader;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * The independent judge of Sohoa's signatures: EU DSS with its default validation policy, the given root as the only
 * trust anchor, and revocation fetched over HTTP from the CRL distribution point written in the certificates (no
 * OCSP, no AIA, no trusted lists: nothing leaves this machine).
 */
public final class DssJudge {

    private DssJudge() {
    }

    public static Reports validate(byte[] pdf, X509Certificate trustAnchor) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(trustAnchor));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(new OnlineCRLSource(new CommonsDataLoader()));
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }
}
