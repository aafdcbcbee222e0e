package vn.sohoa.signing.revocation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.sohoa.core.net.OutboundHttp;
import vn.sohoa.core.net.OutboundPolicy;
import vn.sohoa.signing.keys.SigningException;

/**
 * Asks a certificate's issuer whether the certificate is revoked, the way a relying party would: its OCSP responder
 * first (authority information access), its CRL otherwise (CRL distribution points). Every answer is checked —
 * signed by the issuer or a responder it delegated, current, about this certificate, carrying our nonce — and
 * returned as evidence to embed. A revoked certificate raises {@link CertificateRevokedException}.
 * CRLs are kept until their next update, as CRLs are meant to be; an OCSP answer that says "good" is reused for
 * {@code maxAge} (zero: asked afresh every time), as RFC 5019 lets relying parties do — a revocation is then seen
 * at most that much later. A "revoked" answer is never cached.
 */
public final class RevocationFetcher {

    /** Clock difference tolerated between this machine and a responder. */
    private static final Duration SKEW = Duration.ofMinutes(5);

    /** OCSP answers are small; a CRL of a large CA runs to megabytes. */
    static final long MAX_OCSP_BYTES = 256 * 1024;
    static final long MAX_CRL_BYTES = 32L * 1024 * 1024;

    private final OutboundHttp ocspHttp;
    private final OutboundHttp crlHttp;
    private final Duration timeout;
    private final Map<String, X509CRL> crls = new ConcurrentHashMap<>();
    private final Map<String, CachedAnswer> answers = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Duration maxAge;
    private final Clock clock;

    private record CachedAnswer(RevocationEvidence evidence, Instant fetchedAt) {
    }

    /** A fetcher that asks OCSP responders afresh every time. */
    public RevocationFetcher(OutboundHttp http) {
        this(http, Duration.ZERO, Clock.systemUTC());
    }

    /**
     * @param http   the outbound policy every responder and distribution point is judged by; its deadline bounds
     *               each request
     * @param maxAge how long a "good" OCSP answer is reused
     * @param clock  judges whether an answer is current (an OCSP answer's thisUpdate, a CRL's nextUpdate)
     */
    public RevocationFetcher(OutboundHttp http, Duration maxAge, Clock clock) {
        this.timeout = http.deadline();
        this.ocspHttp = http.withLimits(timeout, MAX_OCSP_BYTES).forPurpose(OutboundHttp.Purpose.OCSP);
        this.crlHttp = http.withLimits(timeout, MAX_CRL_BYTES).forPurpose(OutboundHttp.Purpose.CRL);
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** Evidence that {@code certificate}, issued by {@code issuer}, is not revoked now. */
    public RevocationEvidence check(X509Certificate certificate, X509Certificate issuer) {
        String key = certificate.getIssuerX500Principal().getName() + "#" + certificate.getSerialNumber();
        CachedAnswer cached = answers.get(key);
        if (cached != null && cached.fetchedAt().plus(maxAge).isAfter(clock.instant())) {
            return cached.evidence();
        }
        List<String> failures = new ArrayList<>();
        for (String url : ocspUrls(certificate)) {
            try {
                RevocationEvidence evidence = ocsp(url, certificate, issuer);
                if (!maxAge.isZero()) {
                    answers.put(key, new CachedAnswer(evidence, clock.instant()));
                }
                return evidence;
            } catch (RevocationUnavailableException e) {
                failures.add("OCSP " + url + ": " + e.getMessage());
            }
        }
        for (String url : crlUrls(certificate)) {
            try {
                return crl(url, certificate, issuer);
            } catch (RevocationUnavailableException e) {
                failures.add("CRL " + url + ": " + e.getMessage());
            }
        }
        throw new SigningException("no revocation information could be obtained for "
                + certificate.getSubjectX500Principal().getName()
                + (failures.isEmpty() ? " (the certificate names no OCSP responder and no CRL)" : ": " + failures));
    }

    /**
     * The issuer's CRL as further evidence, when the certificate names one that answers: kept beside an OCSP answer
     * so a verifier that reads only CRLs is served too. A CRL that lists the certificate still refuses it.
     */
    public Optional<RevocationEvidence> crlEvidence(X509Certificate certificate, X509Certificate issuer) {
        for (String url : crlUrls(certificate)) {
            try {
                return Optional.of(crl(url, certificate, issuer));
            } catch (RevocationUnavailableException e) {
                // another distribution point may answer; none is fine when OCSP did
            }
        }
        return Optional.empty();
    }

    private RevocationEvidence ocsp(String url, X509Certificate certificate, X509Certificate issuer) {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] nonce = new byte[16];
            random.nextBytes(nonce);
            OCSPReqBuilder request = new OCSPReqBuilder().addRequest(id);
            request.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce,
                    false, new DEROctetString(new DEROctetString(nonce)))));
            byte[] answer = post(url, request.build().getEncoded());
            OCSPResp response = new OCSPResp(answer);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new RevocationUnavailableException("the responder answered status " + response.getStatus());
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            verifyResponder(basic, issuer);
            checkNonce(basic, nonce);
            SingleResp single = Arrays.stream(basic.getResponses()).filter(r -> r.getCertID().equals(id))
                    .findFirst().orElseThrow(() -> new RevocationUnavailableException(
                            "the answer is not about this certificate"));
            Instant now = clock.instant();
            if (single.getThisUpdate().toInstant().isAfter(now.plus(SKEW))
                    || (single.getNextUpdate() != null && single.getNextUpdate().toInstant().isBefore(now))) {
                throw new RevocationUnavailableException("the answer is not current (this update "
                        + single.getThisUpdate().toInstant() + ")");
            }
            CertificateStatus status = single.getCertStatus();
            if (status instanceof RevokedStatus revoked) {
                throw new CertificateRevokedException(certificate, revoked.getRevocationTime().toInstant(),
                        "OCSP " + url);
            }
            if (status instanceof UnknownStatus) {
                throw new RevocationUnavailableException("the responder does not know this certificate");
            }
            return new RevocationEvidence(RevocationEvidence.Kind.OCSP_RESPONSE, answer);
        } catch (IOException | OCSPException | OperatorCreationException | GeneralSecurityException | CertException e) {
            throw new RevocationUnavailableException(e.getMessage(), e);
        }
    }

    /** The issuer itself, or a certificate in the answer that the issuer made an OCSP signer (RFC 6960, 4.2.2.2). */
    private static void verifyResponder(BasicOCSPResp basic, X509Certificate issuer)
            throws OperatorCreationException, OCSPException, GeneralSecurityException, CertException {
        var verifiers = new JcaContentVerifierProviderBuilder();
        if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
            return;
        }
        for (X509CertificateHolder holder : basic.getCerts()) {
            X509Certificate responder = new JcaX509CertificateConverter().getCertificate(holder);
            List<String> purposes = responder.getExtendedKeyUsage();
            if (purposes != null && purposes.contains(KeyPurposeId.id_kp_OCSPSigning.getId())
                    && holder.isSignatureValid(verifiers.build(issuer.getPublicKey()))
                    && basic.isSignatureValid(verifiers.build(responder.getPublicKey()))) {
                responder.checkValidity();
                return;
            }
        }
        throw new RevocationUnavailableException("the answer is not signed by the issuer or its OCSP signer");
    }

    private static void checkNonce(BasicOCSPResp basic, byte[] nonce) {
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        if (echoed == null) {
            return; // responders that pre-sign answers send none (RFC 5019); freshness is checked by the dates
        }
        byte[] value = ASN1OctetString.getInstance(echoed.getParsedValue()).getOctets();
        if (!Arrays.equals(value, nonce)) {
            throw new RevocationUnavailableException("the answer carries another request's nonce");
        }
    }

    private RevocationEvidence crl(String url, X509Certificate certificate, X509Certificate issuer) {
        try {
            X509CRL crl = crls.get(url);
            Instant now = clock.instant();
            if (crl == null || crl.getNextUpdate() == null || crl.getNextUpdate().toInstant().isBefore(now)) {
                crl = (X509CRL) CertificateFactory.getInstance("X.509")
                        .generateCRL(new ByteArrayInputStream(get(url)));
                if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                    throw new RevocationUnavailableException("the CRL is issued by " + crl.getIssuerX500Principal());
                }
                crl.verify(issuer.getPublicKey());
                if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(now)) {
                    throw new RevocationUnavailableException("the CRL expired on " + crl.getNextUpdate().toInstant());
                }
                crls.put(url, crl);
            }
            X509CRLEntry entry = crl.getRevokedCertificate(certificate);
            if (entry != null) {
                crls.remove(url);
                throw new CertificateRevokedException(certificate, entry.getRevocationDate().toInstant(), "CRL " + url);
            }
            return new RevocationEvidence(RevocationEvidence.Kind.CRL, crl.getEncoded());
        } catch (IOException | GeneralSecurityException e) {
            throw new RevocationUnavailableException(e.getMessage(), e);
        }
    }

    private byte[] post(String url, byte[] body) throws IOException {
        return send(ocspHttp, HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private byte[] get(String url) throws IOException {
        return send(crlHttp, HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    private static byte[] send(OutboundHttp http, HttpRequest request) throws IOException {
        OutboundHttp.Response response;
        try {
            response = http.send(request);
        } catch (OutboundPolicy.RefusedException refused) {
            throw new IOException("refused by the outbound policy: " + refused.getMessage(), refused);
        }
        if (response.status() != 200) {
            throw new IOException("HTTP " + response.status());
        }
        return response.body();
    }

    static List<String> ocspUrls(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (value == null) {
            return urls;
        }
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    JcaX509ExtensionUtils.parseExtensionValue(value));
            for (AccessDescription description : access.getAccessDescriptions()) {
                if (description.getAccessMethod().equals(AccessDescription.id_ad_ocsp)) {
                    uri(description.getAccessLocation()).ifPresent(urls::add);
                }
            }
        } catch (IOException e) {
            // an unreadable extension names no responder: the CRL is tried instead
        }
        return urls;
    }

    static List<String> crlUrls(X509Certificate certificate) {
        List<String> urls = new ArrayList<>();
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return urls;
        }
        try {
            CRLDistPoint points = CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value));
            for (DistributionPoint point : points.getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                    for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                        uri(general).ifPresent(urls::add);
                    }
                }
            }
        } catch (IOException e) {
            // an unreadable extension names no CRL
        }
        return urls;
    }

    private static Optional<String> uri(GeneralName name) {
        if (name.getTagNo() != GeneralName.uniformResourceIdentifier) {
            return Optional.empty();
        }
        String url = name.getName().toString();
        return url.startsWith("http://") || url.startsWith("https://") ? Optional.of(url)
                : Optional.empty();
    }

    /** One source could not answer; another may. */
    private static final class RevocationUnavailableException extends RuntimeException {
        RevocationUnavailableException(String message) {
            super(message);
        }

        RevocationUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

}
