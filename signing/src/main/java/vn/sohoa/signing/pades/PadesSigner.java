package vn.sohoa.signing.pades;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceDictionary;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import vn.sohoa.core.util.Sha256;
import vn.sohoa.signing.keys.SignatureAnswer;
import vn.sohoa.signing.keys.SigningDevice;
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
    private static final COSName ETSI_RFC3161 = COSName.getPDFName("ETSI.RFC3161");
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
    private final AtomicInteger expectedTimestampSize = new AtomicInteger(FIRST_GUESS);

    public PadesSigner(TimestampAuthority timestampAuthority, ValidationDataCollector validationData) {
        this.timestampAuthority = timestampAuthority;
        this.validationData = validationData;
    }

    /**
     * Signs with the key wherever it lives (EU DSS's three steps): a key at hand signs inside the CMS with an
     * embedded signature time-stamp; any other device signs the prepared data to sign, now ({@link
     * SigningOutcome.Signed}, completed with a document time-stamp) or later ({@link SigningOutcome.Pending}).
     */
    public SigningOutcome sign(byte[] pdf, SigningDevice device, SignatureRequest request) {
        Optional<SigningKey> atHand = device.keyAtHand();
        if (atHand.isPresent()) {
            return new SigningOutcome.Signed(sign(pdf, atHand.get(), request));
        }
        PreparedSignature prepared = prepare(pdf, device.chain(), request);
        SignatureAnswer answer = device.sign(prepared.dataToSign());
        if (answer instanceof SignatureAnswer.Value value) {
            return new SigningOutcome.Signed(complete(prepared, value.bytes()));
        }
        return new SigningOutcome.Pending(prepared);
    }

    public byte[] sign(byte[] pdf, SigningKey key, SignatureRequest request) {
        checkCertificate(key.certificate(), request);
        validationData.requireNotRevoked(key.chain());
        int reserved = expectedSizes.getOrDefault(key.certificate(), FIRST_GUESS);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Increment increment = reserve(pdf, request, reserved);
            byte[] cms = signedCms(increment.content(), key.chain(), key.contentSigner(), true);
            if (cms.length == reserved) {
                expectedSizes.put(key.certificate(), reserved);
                return increment.fill(cms);
            }
            reserved = cms.length;
        }
        throw new SigningException("the signature size did not settle after " + MAX_ATTEMPTS + " attempts");
    }

    /**
     * First step of a signature made outside the service — a USB token on the officer's desk, a remote signing
     * service: the PDF with its signature dictionary and a /Contents gap, and the DER signed attributes whose
     * SHA-256 digest the signer must sign with the key of {@code chain}'s first certificate ({@link
     * ExternalSignatureScheme}: RSA PKCS#1 v1.5 or ECDSA).
     * The signature time-stamp comes afterwards as a document time-stamp (PAdES-BASELINE-T either way,
     * ETSI EN 319 142-1, 5.3 and 6.3), so the gap's size is known before the signature value is.
     */
    public PreparedSignature prepare(byte[] pdf, List<X509Certificate> chain, SignatureRequest request) {
        if (chain.isEmpty()) {
            throw new SigningException("the signer's certificate chain is empty");
        }
        X509Certificate certificate = chain.get(0);
        ExternalSignatureScheme scheme = ExternalSignatureScheme.of(certificate.getPublicKey());
        checkCertificate(certificate, request);
        validationData.requireNotRevoked(chain);
        int signatureLength = scheme.valueLength(certificate.getPublicKey());
        CapturingSigner sizing = new CapturingSigner(scheme, new byte[signatureLength]);
        int reserved = signedCms(new CMSProcessableByteArray(new byte[0]), chain, sizing, false).length;
        Increment increment = reserve(pdf, request, reserved);
        CapturingSigner capture = new CapturingSigner(scheme, new byte[signatureLength]);
        signedCms(increment.content(), chain, capture, false);
        return new PreparedSignature(increment.pdf(), increment.byteRange(), capture.signedAttributes(), chain);
    }

    /**
     * Second step: completes the prepared signature with the signature value the signer returned, adds a document
     * time-stamp and returns the signed PDF. A value that does not verify against the signer's certificate over
     * the prepared attributes is refused, and the prepared signature stays usable.
     */
    public byte[] complete(PreparedSignature prepared, byte[] signatureValue) {
        X509Certificate certificate = prepared.chain().get(0);
        ExternalSignatureScheme scheme = prepared.scheme();
        byte[] carried;
        try {
            carried = scheme.checkedValue(certificate.getPublicKey(), prepared.signedAttributes(), signatureValue);
        } catch (InvalidSignatureValueException e) {
            throw new InvalidSignatureValueException(e.getMessage() + " (key of "
                    + certificate.getSubjectX500Principal().getName() + ")");
        }
        Increment increment = new Increment(prepared.pdf(), prepared.byteRange());
        CapturingSigner external = new CapturingSigner(scheme, carried);
        byte[] cms = signedCms(increment.content(), prepared.chain(), external, false);
        if (!Arrays.equals(external.signedAttributes(), prepared.signedAttributes())) {
            throw new SigningException("the signed attributes changed between preparing and completing");
        }
        return addDocumentTimestamp(increment.fill(cms));
    }

    /**
     * Second step with a CMS SignedData made by the signer's own software over the prepared attributes: its
     * signature value is taken after its signed attributes are checked to be exactly the prepared ones.
     */
    public byte[] completeWithCms(PreparedSignature prepared, byte[] cmsFromSigner) {
        try {
            CMSSignedData cms = new CMSSignedData(cmsFromSigner);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            if (!Arrays.equals(signer.getEncodedSignedAttributes(), prepared.signedAttributes())) {
                throw new InvalidSignatureValueException("the CMS signs other attributes than the prepared ones");
            }
            return complete(prepared, signer.getSignature());
        } catch (CMSException | IOException | RuntimeException e) {
            if (e instanceof SigningException signing) {
                throw signing;
            }
            throw new InvalidSignatureValueException("not a CMS SignedData with one signer: " + e.getMessage());
        }
    }

    /**
     * PAdES-BASELINE-LTA: the validation data of everything in the file, then a document time-stamp over all of it.
     * Applied again to an LTA file before its last time-stamp's certificate expires, it adds that time-stamp's
     * validation data and a new time-stamp over everything, and so keeps the file verifiable (ETSI EN 319 142-1,
     * 5.5).
     */
    public byte[] extendToLongTermArchive(byte[] signedPdf) {
        return addDocumentTimestamp(extendToLongTerm(signedPdf));
    }

    /**
     * When the certificate of the file's last document time-stamp expires, or empty when it has none: an archive
     * time-stamp is to be renewed before then.
     */
    public static Optional<Instant> lastDocumentTimestampExpiry(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            Instant expiry = null;
            for (PDSignature signature : document.getSignatureDictionaries()) {
                if (!ETSI_RFC3161.getName().equals(signature.getSubFilter())) {
                    continue;
                }
                var token = new TimeStampToken(ValidationDataCollector.parse(signature.getContents()));
                var signer = token.getCertificates().getMatches(token.getSID());
                if (!signer.isEmpty()) {
                    expiry = ((X509CertificateHolder) signer.iterator().next()).getNotAfter()
                            .toInstant();
                }
            }
            return Optional.ofNullable(expiry);
        } catch (IOException | CMSException | TSPException e) {
            throw new SigningException("cannot read the document time-stamps: " + e.getMessage(), e);
        }
    }

    /**
     * Adds a document time-stamp (SubFilter ETSI.RFC3161) over the whole file: the time-stamp of signatures made
     * outside the service, and the archive time-stamp of PAdES-BASELINE-LTA.
     */
    public byte[] addDocumentTimestamp(byte[] pdf) {
        int reserved = expectedTimestampSize.get();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Increment increment = reserveDocumentTimestamp(pdf, reserved);
            byte[] token = timestampAuthority.timestamp(increment.digest());
            if (token.length == reserved) {
                expectedTimestampSize.set(reserved);
                return increment.fill(token);
            }
            reserved = token.length;
        }
        throw new SigningException("the time-stamp size did not settle after " + MAX_ATTEMPTS + " attempts");
    }

    /** A PDF with a new signature whose /Contents gap is still zeros, and the byte ranges it covers. */
    record Increment(byte[] pdf, int[] byteRange) {

        /** The signed byte ranges as CMS content, read from the PDF without copying them. */
        CMSTypedData content() {
            return new CMSTypedData() {
                @Override
                public ASN1ObjectIdentifier getContentType() {
                    return CMSObjectIdentifiers.data;
                }

                @Override
                public void write(OutputStream out) throws IOException {
                    out.write(pdf, byteRange[0], byteRange[1]);
                    out.write(pdf, byteRange[2], byteRange[3]);
                }

                /** Never encapsulated (detached), but Bouncy Castle digests only content that is not null. */
                @Override
                public Object getContent() {
                    return pdf;
                }
            };
        }

        /** SHA-256 of the signed byte ranges. */
        byte[] digest() {
            var sha256 = Sha256.newDigest();
            sha256.update(pdf, byteRange[0], byteRange[1]);
            sha256.update(pdf, byteRange[2], byteRange[3]);
            return sha256.digest();
        }

        /**
         * The PDF with {@code cms} hex-encoded into the gap, which it must fill exactly. Written in place: an
         * increment is filled once (a prepared signature hands out a copy of its own).
         */
        byte[] fill(byte[] cms) {
            int gap = byteRange[2] - byteRange[1] - 2;
            if (cms.length * 2 != gap) {
                throw new SigningException("the signature (" + cms.length + " bytes) does not fit the reserved gap ("
                        + gap / 2 + " bytes)");
            }
            byte[] signed = pdf;
            byte[] hex = HexFormat.of().withUpperCase().formatHex(cms)
                    .getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(hex, 0, signed, byteRange[1] + 1, hex.length);
            return signed;
        }
    }

    private Increment reserve(byte[] pdf, SignatureRequest request, int reserved) {
        PDSignature signature = new PDSignature();
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(ETSI_CADES_DETACHED);
        signature.setName(request.signerName());
        signature.setReason(request.reason());
        signature.setLocation(request.location());
        signature.setSignDate(GregorianCalendar.from(request.signingTime()));
        return reserve(pdf, signature, reserved, request.lock(), true);
    }

    private Increment reserveDocumentTimestamp(byte[] pdf, int reserved) {
        PDSignature signature = new PDSignature();
        signature.setType(COSName.DOC_TIME_STAMP);
        signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
        signature.setSubFilter(ETSI_RFC3161);
        // a document time-stamp is allowed after any lock: P=1 permits validation data and time-stamps
        return reserve(pdf, signature, reserved, false, false);
    }

    /** Adds the signature dictionary, after checking that the document allows a new signature. */
    private static Increment reserve(byte[] pdf, PDSignature signature, int reserved, boolean lock,
                                     boolean signatureMustBeAllowed) {
        try (PDDocument document = Loader.loadPDF(pdf);
             SignatureOptions options = new SignatureOptions()) {
            if (signatureMustBeAllowed) {
                DocumentPermissions.requireChangesAllowed(document);
            }
            options.setPreferredSignatureSize(reserved);
            document.addSignature(signature, options);
            markWidgetsPrintable(document);
            if (lock) {
                DocumentPermissions.lockAfter(document, signature);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + reserved * 2 + 4096);
            ExternalSigningSupport external = document.saveIncrementalForExternalSigning(out);
            external.setSignature(new byte[0]);
            return new Increment(out.toByteArray(), signature.getByteRange());
        } catch (IOException e) {
            throw new SigningException("cannot prepare the PDF for signing: " + e.getMessage(), e);
        }
    }

    /**
     * Embeds the certificates and revocation answers of every signature and time-stamp in the file, so that the
     * signatures can be verified without asking anyone (PAdES-BASELINE-LT).
     */
    public byte[] extendToLongTerm(byte[] signedPdf) {
        try (PDDocument document = Loader.loadPDF(signedPdf)) {
            return new AddValidationData().apply(document, signedPdf.length, validationData.collect(document));
        } catch (IOException e) {
            throw new SigningException("cannot read the signed PDF: " + e.getMessage(), e);
        }
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
                        var appearance = new PDAppearanceDictionary();
                        var stream = new PDAppearanceStream(document);
                        stream.setBBox(new PDRectangle(0, 0));
                        appearance.setNormalAppearance(stream);
                        widget.setAppearance(appearance);
                        widget.getCOSObject().setNeedToBeUpdated(true);
                    }
                }
            }
        }
    }

    /**
     * A detached CMS SignedData over {@code signedContent} by {@code contentSigner}, with PAdES signed attributes and
     * the chain's certificates, optionally with a signature time-stamp.
     */
    private byte[] signedCms(CMSTypedData signedContent, List<X509Certificate> chain,
                             ContentSigner contentSigner,
                             boolean withTimestamp) {
        try {
            X509Certificate certificate = chain.get(0);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(padesSignedAttributes(certificate))
                    .build(contentSigner, certificate));
            generator.addCertificates(new JcaCertStore(chain));
            CMSSignedData signed = generator.generate(signedContent, false);
            return (withTimestamp ? addSignatureTimestamp(signed) : signed).getEncoded("DER");
        } catch (OperatorCreationException | GeneralSecurityException | CMSException | IOException e) {
            throw new SigningException("cannot build the CMS signature: " + e.getMessage(), e);
        }
    }

    /**
     * A content signer for signatures made elsewhere: it keeps the DER signed attributes it is given to sign and
     * answers with a signature value supplied from outside (or a placeholder of the right size).
     */
    private static final class CapturingSigner implements ContentSigner {
        private final ExternalSignatureScheme scheme;
        private final byte[] signatureValue;
        private final ByteArrayOutputStream signedAttributes = new ByteArrayOutputStream();

        CapturingSigner(ExternalSignatureScheme scheme, byte[] signatureValue) {
            this.scheme = scheme;
            this.signatureValue = signatureValue;
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return scheme.cmsAlgorithm();
        }

        @Override
        public OutputStream getOutputStream() {
            return signedAttributes;
        }

        @Override
        public byte[] getSignature() {
            return signatureValue.clone();
        }

        byte[] signedAttributes() {
            return signedAttributes.toByteArray();
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
