package vn.sohoa.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.sohoa.core.util.Sha256;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.revocation.ValidationDataCollector;
import vn.sohoa.signing.tsa.TimestampAuthority;

/**
 * Adds one PAdES-BASELINE-T signature (ETSI EN 319 142-1) to a PDF as an incremental update, so earlier signatures
 * stay valid: SubFilter ETSI.CAdES.detached, signed attributes content-type, message-digest and
 * signing-certificate-v2 (no signing-time attribute: the claimed time is the dictionary's M entry), and a
 * signature time-stamp from the configured authority as an unsigned attribute. {@link #extendToLongTerm} then
 * raises every signature of the file to PAdES-BASELINE-LT.
 *
 * <p>Nothing is signed with a revoked certificate, nor into a PDF whose earlier signature forbids changes.
 *
 * <p>A signature that {@linkplain SignatureRequest#lock() locks} the document carries a field lock with
 * permission P=1 (ISO 32000-2, 12.7.5.5): from then on only validation data and document time-stamps may be added.
 * A DocMDP certification signature would say the same, but ISO 32000 allows one only as the first signature of a
 * document, and the agency signs a certified copy after the certifier.
 */
public final class PadesSigner {

    private static final COSName ETSI_CADES_DETACHED = COSName.getPDFName("ETSI.CAdES.detached");
    /**
     * The signature value (/Contents) is written at exactly the size of the CMS, without the usual zero padding:
     * Bouncy Castle 1.87, and EU DSS on top of it, refuse a CMS followed by padding ("Extra data detected"). The size
     * is learned per certificate; RSA signatures and our time-stamps have fixed lengths, so after the first
     * signature one pass is enough, and variable-length signatures (ECDSA) settle within a few passes.
     */
    private static final int FIRST_GUESS = 8 * 1024;
    private static final int MAX_ATTEMPTS = 12;
    /** Widget annotation flag "Print" (PDF 32000-1, 12.5.3): PDF/A requires it on every annotation. */
    private static final int ANNOTATION_FLAG_PRINT = 4;

    private final TimestampAuthority timestampAuthority;
    private final ValidationDataCollector validationData;
    private final Map<X509Certificate, Integer> expectedSizes = new ConcurrentHashMap<>();

    public PadesSigner(TimestampAuthority timestampAuthority, ValidationDataCollector validationData) {
        this.timestampAuthority = timestampAuthority;
        this.validationData = validationData;
    }

    public byte[] sign(byte[] pdf, SigningKey key, SignatureRequest request) {
        checkCertificate(key.certificate(), request);
        DocumentPermissions.requireChangesAllowed(pdf);
        validationData.requireNotRevoked(key.chain());
        int reserved = expectedSizes.getOrDefault(key.certificate(), FIRST_GUESS);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PDSignature signature = new PDSignature();
                signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
                signature.setSubFilter(ETSI_CADES_DETACHED);
                signature.setName(request.signerName());
                signature.setReason(request.reason());
                signature.setLocation(request.location());
                signature.setSignDate(GregorianCalendar.from(request.signingTime()));
                try (SignatureOptions options = new SignatureOptions()) {
                    options.setPreferredSignatureSize(reserved);
                    document.addSignature(signature, options);
                    markWidgetsPrintable(document);
                    if (request.lock()) {
                        DocumentPermissions.lockAfter(document, signature);
                    }
                    ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + reserved * 2 + 4096);
                    ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
                    byte[] cms = buildCms(external.getContent(), key);
                    if (cms.length == reserved) {
                        external.setSignature(cms);
                        expectedSizes.put(key.certificate(), reserved);
                        return out.toByteArray();
                    }
                    reserved = cms.length;
                }
            } catch (IOException e) {
                throw new SigningException("cannot sign the PDF: " + e.getMessage(), e);
            }
        }
        throw new SigningException("the signature size did not settle after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * Embeds the certificates and revocation answers of every signature and time-stamp in the file, so that the
     * signatures can be verified without asking anyone (PAdES-BASELINE-LT).
     */
    public byte[] extendToLongTerm(byte[] signedPdf) {
        return new AddValidationData().apply(signedPdf, validationData.collect(signedPdf));
    }

    /** The invisible signature widget must still carry the Print flag and an appearance to stay PDF/A. */
    private static void markWidgetsPrintable(PDDocument document) throws IOException {
        PDAcroForm form = document.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return;
        }
        for (PDField field : form.getFields()) {
            if (field instanceof PDSignatureField signatureField) {
                for (var widget : signatureField.getWidgets()) {
                    if ((widget.getAnnotationFlags() & ANNOTATION_FLAG_PRINT) == 0) {
                        widget.setPrinted(true);
                        widget.getCOSObject().setNeedToBeUpdated(true);
                    }
                    if (widget.getAppearance() == null) {
                        var appearance = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary();
                        var stream = new org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream(document);
                        stream.setBBox(new org.apache.pdfbox.pdmodel.common.PDRectangle(0, 0));
                        appearance.setNormalAppearance(stream);
                        widget.setAppearance(appearance);
                        widget.getCOSObject().setNeedToBeUpdated(true);
                    }
                }
            }
        }
    }

    private byte[] buildCms(InputStream content, SigningKey key) throws IOException {
        try {
            byte[] signedBytes = content.readAllBytes();
            X509Certificate certificate = key.certificate();
            ContentSigner contentSigner = key.contentSigner();
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(padesSignedAttributes(certificate))
                    .build(contentSigner, certificate));
            generator.addCertificates(new JcaCertStore(key.chain()));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(signedBytes), false);
            return addSignatureTimestamp(signed).getEncoded("DER");
        } catch (OperatorCreationException | GeneralSecurityException | CMSException e) {
            throw new IOException("cannot build the CMS signature: " + e.getMessage(), e);
        }
    }

    /** BC's standard table (content-type, message-digest, algorithm protection) with signing-certificate-v2 and
     * without signing-time, which PAdES baseline signatures must not carry. */
    private static CMSAttributeTableGenerator padesSignedAttributes(X509Certificate certificate)
            throws GeneralSecurityException {
        ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                Sha256.newDigest().digest(certificate.getEncoded()),
                new IssuerSerial(new GeneralNames(new GeneralName(
                        X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))),
                        certificate.getSerialNumber()));
        ASN1EncodableVector extra = new ASN1EncodableVector();
        extra.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[]{certId}))));
        DefaultSignedAttributeTableGenerator standard = new DefaultSignedAttributeTableGenerator(
                new AttributeTable(extra));
        return parameters -> standard.getAttributes(parameters).remove(CMSAttributes.signingTime);
    }

    private CMSSignedData addSignatureTimestamp(CMSSignedData signed) throws IOException {
        SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
        byte[] token = timestampAuthority.timestamp(Sha256.newDigest().digest(signer.getSignature()));
        ASN1EncodableVector unsigned = new ASN1EncodableVector();
        unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new DERSet(ASN1Primitive.fromByteArray(token))));
        SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(unsigned));
        return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
    }

    private static void checkCertificate(X509Certificate certificate, SignatureRequest request) {
        try {
            certificate.checkValidity(Date.from(request.signingTime().toInstant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new SigningException("the " + request.role() + " certificate of " + request.signerName()
                    + " is not valid at " + request.signingTime() + ": " + e.getMessage(), e);
        }
        boolean[] usage = certificate.getKeyUsage();
        boolean digitalSignature = usage == null || usage[0];
        boolean nonRepudiation = usage == null || usage[1];
        if (!digitalSignature && !nonRepudiation) {
            throw new SigningException("the " + request.role() + " certificate of " + request.signerName()
                    + " does not allow digital signatures (key usage)");
        }
    }
}
