package vn.sohoa.testkit;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.IPdfObjFactory;
import eu.europa.esig.dss.pdf.ServiceLoaderPdfObjFactory;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.simplereport.jaxb.XmlTimestamp;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;

/**
 * The independent judge of Sohoa's signatures: EU DSS with its default validation policy and the given root as the
 * only trust anchor, offline — no CRL, OCSP or AIA fetching — so that a signature passes only on the validation
 * data embedded in the file, as it must years from now when the responders are gone (PAdES-BASELINE-LT).
 */
public final class DssJudge {

    private DssJudge() {
    }

    /**
     * @param validationTime the "current time" of the validation: the clock of the service that signed, so that a
     *                       copy made on a service whose clock was set (sohoa.clock.start) is judged as of its day
     */
    public static Reports validate(byte[] pdf, X509Certificate trustAnchor, Instant validationTime) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        if (validator instanceof PDFDocumentValidator pdfValidator) {
            // The default policy only warns on visual differences between revisions (PdfVisualDifference is WARN),
            // so rendering every revision to find them (86% of a validation's time here) changes no verdict; page
            // count differences (FAIL) and object modifications are still checked. DSS's demo skips it alike.
            DefaultPdfDifferencesFinder differences = new DefaultPdfDifferencesFinder();
            differences.setMaximalPagesAmountForVisualComparison(0);
            IPdfObjFactory pdfObjects = new ServiceLoaderPdfObjFactory();
            pdfObjects.setPdfDifferencesFinder(differences);
            pdfValidator.setPdfObjFactory(pdfObjects);
        }
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(trustAnchor));
        verifier.setTrustedCertSources(trusted);
        verifier.setCrlSource(null);
        verifier.setOcspSource(null);
        verifier.setAIASource(null);
        validator.setCertificateVerifier(verifier);
        validator.setValidationTime(Date.from(validationTime));
        return validator.validateDocument();
    }

    /**
     * DSS's verdict on every time-stamp of the document — signature time-stamps and document (archive) ones — by
     * token id, in the order DSS lists them. A time-stamp DSS found but gave no verdict on maps to null, so that a
     * caller asserting "all PASSED" cannot miss one.
     */
    public static Map<String, Indication> timestampIndications(Reports reports) {
        SimpleReport simple = reports.getSimpleReport();
        Map<String, Indication> verdicts = new LinkedHashMap<>();
        for (String signatureId : simple.getSignatureIdList()) {
            for (XmlTimestamp timestamp : simple.getSignatureTimestamps(signatureId)) {
                verdicts.put(timestamp.getId(), timestamp.getIndication());
            }
        }
        for (String timestampId : simple.getTimestampIdList()) {
            verdicts.putIfAbsent(timestampId, simple.getIndication(timestampId));
        }
        for (TimestampWrapper timestamp : reports.getDiagnosticData().getTimestampList()) {
            verdicts.putIfAbsent(timestamp.getId(), null);
        }
        return verdicts;
    }
}
