package vn.sohoa.signing.verify;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Store;

import vn.sohoa.core.util.Sha256;
import vn.sohoa.signing.keys.SigningException;

/**
 * Verifies every signature of a PDF against configured trust anchors: byte-range integrity, the CMS signature, the
 * signature time-stamp, the certificate chain at the proven time, and the PAdES baseline level. This is Sohoa's own
 * report for users; tests judge Sohoa's signatures with EU DSS, not with this class.
 */
public final class SignatureVerifier {

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    private static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    private static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");

    private final Set<TrustAnchor> anchors;
    /** The time a signature without a time-stamp is judged at. */
    private final Clock clock;

    public SignatureVerifier(Collection<X509Certificate> trustAnchors) {
        this(trustAnchors, Clock.systemUTC());
    }

    public SignatureVerifier(Collection<X509Certificate> trustAnchors, Clock clock) {
        this.clock = clock;
        this.anchors = new HashSet<>();
        for (X509Certificate anchor : trustAnchors) {
            anchors.add(new TrustAnchor(anchor, null));
        }
    }

    /** The roots this verifier trusts. */
    public List<X509Certificate> trustAnchors() {
        return anchors.stream().map(TrustAnchor::getTrustedCert).toList();
    }

    public VerificationReport verify(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> dictionaries = document.getSignatureDictionaries();
            boolean hasValidationData = document.getDocumentCatalog().getCOSObject()
                    .getDictionaryObject(COSName.getPDFName("DSS")) instanceof COSDictionary;
            List<SignatureReport> reports = new ArrayList<>();
            for (int i = 0; i < dictionaries.size(); i++) {
                PDSignature signature = dictionaries.get(i);
                if (ETSI_RFC3161.equals(signature.getCOSObject().getCOSName(COSName.SUB_FILTER))) {
                    continue; // a document time-stamp: counted towards LTA below, not a signer's signature
                }
                boolean laterDocumentTimestamp = dictionaries.subList(i + 1, dictionaries.size()).stream()
                        .anyMatch(s -> ETSI_RFC3161.equals(s.getCOSObject().getCOSName(COSName.SUB_FILTER)));
                reports.add(verifySignature(pdf, signature, hasValidationData, laterDocumentTimestamp));
            }
            return new VerificationReport(reports, List.of());
        } catch (IOException e) {
            return new VerificationReport(List.of(), List.of("not a readable PDF: " + e.getMessage()));
        }
    }

    private SignatureReport verifySignature(byte[] pdf, PDSignature signature, boolean hasValidationData,
                                            boolean laterDocumentTimestamp) {
        List<String> problems = new ArrayList<>();
        String fieldName = signature.getName();
        OffsetDateTime claimed = signature.getSignDate() == null ? null
                : signature.getSignDate().toInstant().atOffset(VIETNAM);
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[0] != 0 || range[1] < 0 || range[2] < range[1]
                || (long) range[2] + range[3] > pdf.length) {
            problems.add("the byte range is missing or malformed");
            return new SignatureReport(fieldName, null, signature.getName(), claimed, null, false, false, false,
                    PadesLevel.NONE, problems);
        }
        boolean coversWholeFile = (long) range[2] + range[3] == pdf.length;
        byte[] signedContent = new byte[range[1] + range[3]];
        System.arraycopy(pdf, 0, signedContent, 0, range[1]);
        System.arraycopy(pdf, range[2], signedContent, range[1], range[3]);
        if (!gapHoldsOnlyContents(pdf, range[1], range[2])) {
            problems.add("bytes outside the signed range are not just the signature value");
        }

        String signer = null;
        boolean integrity = false;
        boolean trusted = false;
        OffsetDateTime timestampTime = null;
        PadesLevel level = PadesLevel.NONE;
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent),
                    withoutPadding(signature.getContents()));
            @SuppressWarnings("unchecked")
            Store<X509CertificateHolder> certificates = cms.getCertificates();
            SignerInformation signerInfo = cms.getSignerInfos().getSigners().iterator().next();
            Collection<X509CertificateHolder> matches = certificates.getMatches(signerInfo.getSID());
            if (matches.isEmpty()) {
                problems.add("the signer's certificate is not in the signature");
            } else {
                JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
                X509Certificate certificate = converter.getCertificate(matches.iterator().next());
                signer = certificate.getSubjectX500Principal().getName();
                integrity = signerInfo.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
                if (!integrity) {
                    problems.add("the signed bytes were changed after signing (digest or signature mismatch)");
                }
                TimeStampToken token = signatureTimestamp(signerInfo, problems);
                Date validationTime = Date.from(clock.instant());
                if (token != null) {
                    timestampTime = token.getTimeStampInfo().getGenTime().toInstant().atOffset(VIETNAM);
                    validationTime = token.getTimeStampInfo().getGenTime();
                }
                List<X509Certificate> pool = new ArrayList<>();
                for (X509CertificateHolder holder : certificates.getMatches(null)) {
                    pool.add(converter.getCertificate(holder));
                }
                trusted = chains(certificate, pool, validationTime, problems);
                boolean padesForm = ETSI_CADES_DETACHED.equals(signature.getCOSObject()
                        .getCOSName(COSName.SUB_FILTER));
                AttributeTable signedAttributes = signerInfo.getSignedAttributes();
                boolean hasSigningCertificate = signedAttributes != null
                        && (signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2) != null
                        || signedAttributes.get(PKCSObjectIdentifiers.id_aa_signingCertificate) != null);
                boolean hasSigningTimeAttribute = signedAttributes != null
                        && signedAttributes.get(CMSAttributes.signingTime) != null;
                if (padesForm && hasSigningCertificate && !hasSigningTimeAttribute) {
                    level = PadesLevel.PADES_BASELINE_B;
                    if (token != null) {
                        level = PadesLevel.PADES_BASELINE_T;
                        if (hasValidationData) {
                            level = laterDocumentTimestamp ? PadesLevel.PADES_BASELINE_LTA
                                    : PadesLevel.PADES_BASELINE_LT;
                        }
                    }
                }
            }
        } catch (CMSException | IOException | GeneralSecurityException
                 | OperatorCreationException | RuntimeException e) {
            problems.add("the signature cannot be checked: " + e.getMessage());
            integrity = false;
        }
        return new SignatureReport(fieldName, signer, signature.getName(), claimed, timestampTime, integrity,
                coversWholeFile, trusted, level, problems);
    }

    /** The Contents value is zero-padded to its reserved size; the CMS parser wants the DER object alone. */
    private static byte[] withoutPadding(byte[] contents) throws IOException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new IOException("empty signature value");
            }
            return object.getEncoded("DER");
        }
    }

    /** The excluded gap must hold exactly the hex-string Contents value and nothing else. */
    private static boolean gapHoldsOnlyContents(byte[] pdf, int gapStart, int gapEnd) {
        if (gapEnd - gapStart < 2 || pdf[gapStart] != '<' || pdf[gapEnd - 1] != '>') {
            return false;
        }
        for (int i = gapStart + 1; i < gapEnd - 1; i++) {
            if (Character.digit(pdf[i], 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private TimeStampToken signatureTimestamp(SignerInformation signerInfo, List<String> problems) {
        AttributeTable unsigned = signerInfo.getUnsignedAttributes();
        Attribute attribute = unsigned == null ? null
                : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (attribute == null) {
            return null;
        }
        try {
            TimeStampToken token = new TimeStampToken(new CMSSignedData(
                    attribute.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
            byte[] expected = Sha256.newDigest().digest(signerInfo.getSignature());
            if (!MessageDigest.isEqual(expected, token.getTimeStampInfo().getMessageImprintDigest())) {
                problems.add("the time-stamp does not cover this signature");
                return null;
            }
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> tsaCertificates = token.getCertificates().getMatches(token.getSID());
            if (tsaCertificates.isEmpty()) {
                problems.add("the time-stamp carries no certificate of its authority");
                return null;
            }
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            X509Certificate tsaCertificate = converter.getCertificate(tsaCertificates.iterator().next());
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaCertificate));
            List<X509Certificate> pool = new ArrayList<>();
            for (Object holder : token.getCertificates().getMatches(null)) {
                pool.add(converter.getCertificate((X509CertificateHolder) holder));
            }
            List<String> tsaProblems = new ArrayList<>();
            if (!chains(tsaCertificate, pool, token.getTimeStampInfo().getGenTime(), tsaProblems)) {
                problems.add("the time-stamping authority is not trusted: " + String.join("; ", tsaProblems));
            }
            return token;
        } catch (Exception e) {
            problems.add("the time-stamp is invalid: " + e.getMessage());
            return null;
        }
    }

    /**
     * Refuses a signer's chain that does not lead to a trust anchor at {@code at}: a key brought from outside the
     * service (a USB token, a remote signing service) must belong to a recognised CA before anything is signed.
     */
    public void requireTrusted(List<X509Certificate> chain, Instant at) {
        List<String> problems = new ArrayList<>();
        if (chain.isEmpty() || !chains(chain.get(0), chain, Date.from(at), problems)) {
            throw new SigningException(chain.isEmpty() ? "the certificate chain is empty"
                    : String.join("; ", problems));
        }
    }

    private boolean chains(X509Certificate target, List<X509Certificate> pool, Date at, List<String> problems) {
        if (anchors.isEmpty()) {
            problems.add("no trust anchor is configured");
            return false;
        }
        try {
            X509CertSelector selector = new X509CertSelector();
            selector.setCertificate(target);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, selector);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            List<X509Certificate> all = new ArrayList<>(pool);
            all.add(target);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(all)));
            CertPathBuilder.getInstance("PKIX").build(parameters);
            return true;
        } catch (GeneralSecurityException e) {
            problems.add("the certificate of " + target.getSubjectX500Principal().getName()
                    + " does not chain to a trusted root at " + at.toInstant() + " (" + e.getMessage() + ")");
            return false;
        }
    }
}
