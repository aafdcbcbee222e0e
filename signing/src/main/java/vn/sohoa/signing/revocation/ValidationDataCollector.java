package vn.sohoa.signing.revocation;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;

import vn.sohoa.signing.keys.SigningException;

/**
 * Gathers the validation data of a signed PDF: the certificates in every signature and in every time-stamp token
 * (signature time-stamps and document time-stamps), each certificate's issuer found among them, and revocation
 * evidence for every certificate on a path to a trust anchor: its OCSP answer and its issuer's CRL when both are
 * published (PAdES-LT names both kinds; a CRL serves every certificate of its issuer, so it is embedded once).
 */
public final class ValidationDataCollector {

    /** Longer chains than this are not followed (real ones have three or four certificates). */
    private static final int MAX_PATH = 8;

    private final RevocationFetcher fetcher;
    private final List<X509Certificate> anchors;

    /**
     * @param trustAnchors the roots a path must end at: revocation data is fetched only for the certificates on such
     *                     a path, never for other certificates a signer put in the signature (whose OCSP and CRL
     *                     addresses could point anywhere)
     */
    public ValidationDataCollector(RevocationFetcher fetcher, Collection<X509Certificate> trustAnchors) {
        this.fetcher = fetcher;
        this.anchors = List.copyOf(trustAnchors);
    }

    /**
     * Refuses a chain that does not lead to a trust anchor, or has a revoked certificate, before anything is signed
     * with it.
     */
    public void requireNotRevoked(List<X509Certificate> chain) {
        if (chain.isEmpty() || !anchored(chain.get(0), chain)) {
            throw new SigningException("the certificate " + (chain.isEmpty() ? "(none)"
                    : chain.get(0).getSubjectX500Principal().getName()) + " does not lead to a trusted root through "
                    + "the chain given (the roots are the development PKI's or those of sohoa.signing.trust-anchors)");
        }
        collect(chain);
    }

    /** Validation data for every signature and time-stamp in {@code pdf}. */
    public ValidationData collect(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return collect(document);
        } catch (IOException e) {
            throw new SigningException("cannot read the signatures of the PDF: " + e.getMessage(), e);
        }
    }

    /** As {@link #collect(byte[])}, from a document already open. */
    public ValidationData collect(PDDocument document) {
        Set<X509Certificate> pool = new LinkedHashSet<>();
        try {
            for (PDSignature signature : document.getSignatureDictionaries()) {
                CMSSignedData cms = parse(signature.getContents());
                addCertificates(cms, pool);
                for (SignerInformation signer : cms.getSignerInfos()) {
                    AttributeTable unsigned = signer.getUnsignedAttributes();
                    if (unsigned == null) {
                        continue;
                    }
                    for (Attribute attribute : unsigned.toASN1Structure().getAttributes()) {
                        if (attribute.getAttrType().equals(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken)) {
                            for (ASN1Encodable token : attribute.getAttributeValues()) {
                                addCertificates(new CMSSignedData(ContentInfo.getInstance(token)), pool);
                            }
                        }
                    }
                }
            }
        } catch (IOException | CMSException e) {
            throw new SigningException("cannot read the signatures of the PDF: " + e.getMessage(), e);
        }
        return collect(pool);
    }

    /** Validation data for the given certificates, each needing its issuer among them (or a self-signed root). */
    public ValidationData collect(Collection<X509Certificate> certificates) {
        Set<X509Certificate> all = new LinkedHashSet<>(certificates);
        List<RevocationEvidence> evidence = new ArrayList<>();
        for (X509Certificate certificate : certificates) {
            if (isSelfSigned(certificate) || !anchored(certificate, certificates)) {
                continue; // a root needs no revocation data; a certificate off every trusted path gets none asked
            }
            X509Certificate issuer = issuerOf(certificate, certificates).orElseThrow(() -> new SigningException(
                    "the issuer of " + certificate.getSubjectX500Principal().getName()
                            + " is not in the signature; the chain must be complete to be verifiable later"));
            RevocationEvidence answer = fetcher.check(certificate, issuer);
            evidence.add(answer);
            all.addAll(responderCertificates(answer));
            if (answer.kind() == RevocationEvidence.Kind.OCSP_RESPONSE) {
                fetcher.crlEvidence(certificate, issuer).ifPresent(evidence::add);
            }
        }
        return new ValidationData(List.copyOf(all), evidence);
    }

    /** Whether {@code certificate} leads, through issuers among {@code pool}, to a trust anchor. */
    private boolean anchored(X509Certificate certificate, Collection<X509Certificate> pool) {
        X509Certificate current = certificate;
        for (int step = 0; step < MAX_PATH; step++) {
            if (anchors.contains(current)) {
                return true;
            }
            for (X509Certificate anchor : anchors) {
                if (anchor.getSubjectX500Principal().equals(current.getIssuerX500Principal())
                        && verifies(current, anchor)) {
                    return true;
                }
            }
            Optional<X509Certificate> issuer = issuerOf(current, pool);
            if (issuer.isEmpty() || issuer.get().equals(current)) {
                return false;
            }
            current = issuer.get();
        }
        return false;
    }

    private static List<X509Certificate> responderCertificates(RevocationEvidence evidence) {
        if (evidence.kind() != RevocationEvidence.Kind.OCSP_RESPONSE) {
            return List.of();
        }
        try {
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(evidence.encoded()).getResponseObject();
            List<X509Certificate> certificates = new ArrayList<>();
            for (X509CertificateHolder holder : basic.getCerts()) {
                certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
            return certificates;
        } catch (IOException | OCSPException | GeneralSecurityException e) {
            throw new SigningException("cannot read an OCSP answer already checked", e);
        }
    }

    /**
     * The CMS in a signature's /Contents. Signers that reserve more room than they use pad it with zeros, which
     * Bouncy Castle refuses as extra data; only the first DER object is the signature.
     */
    public static CMSSignedData parse(byte[] contents) throws IOException, CMSException {
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            return new CMSSignedData(ContentInfo.getInstance(in.readObject()));
        }
    }

    private static void addCertificates(CMSSignedData cms, Set<X509Certificate> pool) {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        for (X509CertificateHolder holder : cms.getCertificates().getMatches(null)) {
            try {
                pool.add(converter.getCertificate(holder));
            } catch (GeneralSecurityException e) {
                throw new SigningException("a certificate in the signature cannot be read", e);
            }
        }
    }

    private static Optional<X509Certificate> issuerOf(X509Certificate certificate,
                                                      Collection<X509Certificate> candidates) {
        for (X509Certificate candidate : candidates) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && verifies(certificate, candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static boolean isSelfSigned(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                && verifies(certificate, certificate);
    }

    private static boolean verifies(X509Certificate certificate, X509Certificate issuer) {
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
