package vn.sohoa.signing.keys;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.sohoa.core.util.PrivateFiles;

/**
 * A development PKI made on first start, so that a fresh install can certify copies without a real CA: a root CA, a
 * time-stamping authority, and end-entity certificates for agencies and certifiers. Every subject says it is for
 * development only. Signing keys are RSA 2048, as on the tokens Vietnamese CAs issue to officers (EU DSS's default
 * policy accepts RSA from 1900 bits as long as from 3000; RSA signatures have a fixed length, which keeps the
 * signature container size predictable; a 2048-bit key is made in a fifth of the time of a 3072-bit one, which a
 * fresh install and every test's data directory pay); the time-stamping key is RSA 2048 too, as real Vietnamese
 * time-stamping authorities sign (EU DSS's default policy gives an Ed25519 time-stamp no proof of existence, and common
 * PDF readers do not know EdDSA): an Ed25519 time-stamping key of an earlier version is replaced on opening, and an
 * ECDSA P-256 one is kept. The root's certificate is
 * written as PEM for relying parties. The root publishes revocation itself, so that signatures reach PAdES-LT without
 * any network beyond the service: a fresh CRL on request and OCSP answers ({@link #ocspResponse}), both listing the
 * certificates {@linkplain #revoke revoked} in this directory.
 */
public final class DevelopmentPki {

    public static final String DEV_MARK = "FOR DEVELOPMENT ONLY - KHÔNG DÙNG THẬT";
    public static final String ROOT_PEM = "dev-root-ca.pem";

    /** What an end-entity certificate is for. */
    public enum Purpose {
        /** The certifying agency's signature, standing where the red seal stood. */
        AGENCY_SEAL,
        /** The certifier's own signature. */
        PERSONAL_SIGNATURE,
        /** RFC 3161 time-stamping. */
        TIME_STAMPING
    }

    private static final Duration ROOT_LIFETIME = Duration.ofDays(3650);
    private static final Duration LEAF_LIFETIME = Duration.ofDays(825);
    private static final String ROOT_FILE = "dev-root-ca.p12";
    private static final String TSA_FILE = "dev-tsa.p12";
    private static final String PASSWORD_FILE = "keystore-password";
    private static final String REVOKED_FILE = "revoked.tsv";
    /** How long a CRL or an OCSP answer of this PKI is to be trusted before asking again. */
    private static final Duration REVOCATION_VALIDITY = Duration.ofDays(7);

    /**
     * Where relying parties reach this PKI's revocation services; both URLs are written into every certificate
     * issued (CRL distribution point and authority information access).
     */
    public record Endpoints(String crlUrl, String ocspUrl) {
        public Endpoints {
            Objects.requireNonNull(crlUrl, "crlUrl");
            Objects.requireNonNull(ocspUrl, "ocspUrl");
        }
    }

    private final Path directory;
    private final Endpoints endpoints;
    private final char[] password;
    private final SigningKey root;
    /** Dates every certificate, CRL and OCSP answer: the service's clock, so that tests can move it. */
    private final Clock clock;

    private DevelopmentPki(Path directory, Endpoints endpoints, char[] password, SigningKey root, Clock clock) {
        this.directory = directory;
        this.endpoints = endpoints;
        this.password = password;
        this.root = root;
        this.clock = clock;
    }

    /** Opens the PKI in {@code directory}, creating the root CA and TSA on first use, on the system clock. */
    public static DevelopmentPki openOrCreate(Path directory, Endpoints endpoints) {
        return openOrCreate(directory, endpoints, Clock.systemUTC());
    }

    /** Opens the PKI in {@code directory}, creating the root CA and TSA on first use; {@code clock} dates them. */
    public static synchronized DevelopmentPki openOrCreate(Path directory, Endpoints endpoints, Clock clock) {
        try {
            PrivateFiles.createDirectories(directory);
            char[] password = readOrCreatePassword(directory.resolve(PASSWORD_FILE));
            Path rootFile = directory.resolve(ROOT_FILE);
            SigningKey root;
            if (Files.exists(rootFile)) {
                root = Pkcs12KeySource.load(rootFile, password);
            } else {
                root = createRoot(clock.instant());
                writePkcs12(rootFile, root, password);
            }
            writePem(directory.resolve(ROOT_PEM), root.certificate());
            DevelopmentPki pki = new DevelopmentPki(directory, endpoints, password, root, clock);
            retireEdwardsCurveTimeStampingKey(directory, password);
            pki.issueOrLoad(TSA_FILE, "Sohoa Development Time-Stamping Authority", "Sohoa", Purpose.TIME_STAMPING);
            return pki;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot create the development PKI in " + directory + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Moves an Ed25519 time-stamping key aside ({@code dev-tsa-ed25519-retired.p12}), so that a new RSA one is issued:
     * time-stamps already made keep their certificate and validation data inside the copies.
     */
    private static void retireEdwardsCurveTimeStampingKey(Path directory, char[] password) throws IOException {
        Path tsaFile = directory.resolve(TSA_FILE);
        if (Files.exists(tsaFile) && Pkcs12KeySource.load(tsaFile, password).signatureAlgorithm().equals("Ed25519")) {
            Files.move(tsaFile, directory.resolve("dev-tsa-ed25519-retired.p12"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public X509Certificate rootCertificate() {
        return root.certificate();
    }

    public Path rootPemFile() {
        return directory.resolve(ROOT_PEM);
    }

    public SigningKey timeStampingKey() {
        return Pkcs12KeySource.load(directory.resolve(TSA_FILE), password);
    }

    /**
     * The key stored under {@code fileName}, issued now when it does not exist yet.
     *
     * @param commonName   the holder's name (an agency's or a person's)
     * @param organization the agency the holder belongs to
     */
    public synchronized SigningKey issueOrLoad(String fileName, String commonName, String organization,
                                               Purpose purpose) {
        if (!fileName.matches("[A-Za-z0-9._-]+\\.p12")) {
            throw new IllegalArgumentException("unsafe key file name " + fileName);
        }
        Path file = directory.resolve(fileName);
        if (Files.exists(file)) {
            return Pkcs12KeySource.load(file, password);
        }
        try {
            KeyPair pair = newKeyPair();
            X509Certificate certificate = issueCertificate(pair.getPublic(), commonName, organization, purpose);
            SigningKey key = new SigningKey(pair.getPrivate(), List.of(certificate, root.certificate()));
            writePkcs12(file, key, password);
            return key;
        } catch (IOException | GeneralSecurityException e) {
            throw new SigningException("cannot issue a development certificate for " + commonName, e);
        }
    }

    /**
     * A certificate for a key made elsewhere — in a PKCS#11 token, say, where the private key never leaves.
     *
     * @param commonName   the holder's name (an agency's or a person's)
     * @param organization the agency the holder belongs to
     */
    public X509Certificate issueCertificate(PublicKey publicKey, String commonName, String organization,
                                            Purpose purpose) {
        try {
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.O, upTo64(organization))
                    .addRDN(BCStyle.OU, DEV_MARK)
                    .addRDN(BCStyle.CN, devCommonName(commonName))
                    .build();
            Instant now = clock.instant();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(LEAF_LIFETIME)), subject,
                    publicKey);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(publicKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(root.certificate()));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, endpoints.crlUrl()))), null, null)}));
            builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                    AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, endpoints.ocspUrl())));
            switch (purpose) {
                case TIME_STAMPING -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                case AGENCY_SEAL, PERSONAL_SIGNATURE -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            return sign(builder, root);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot issue a development certificate for " + commonName, e);
        }
    }

    /**
     * Revokes an end-entity certificate of this PKI from {@code when} on. The CRL and the OCSP answers list it from
     * then on; a certificate already revoked keeps its first revocation.
     */
    public synchronized void revoke(X509Certificate certificate, Instant when, RevocationReason reason) {
        if (!certificate.getIssuerX500Principal().equals(root.certificate().getSubjectX500Principal())) {
            throw new IllegalArgumentException("not issued by this PKI: " + certificate.getSubjectX500Principal());
        }
        Map<BigInteger, Revocation> revoked = revocations();
        if (revoked.containsKey(certificate.getSerialNumber())) {
            return;
        }
        String line = certificate.getSerialNumber().toString(16) + "\t" + when.getEpochSecond() + "\t"
                + reason.name() + "\n";
        try {
            Files.writeString(directory.resolve(REVOKED_FILE), line, StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new SigningException("cannot record the revocation in " + directory, e);
        }
    }

    /** A CRL signed now by the root, valid for a week, listing every revoked certificate. */
    public byte[] currentCrl() {
        try {
            Instant now = clock.instant();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(REVOCATION_VALIDITY)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root.certificate()));
            builder.addExtension(Extension.cRLNumber, false,
                    new CRLNumber(BigInteger.valueOf(now.toEpochMilli())));
            for (var entry : revocations().entrySet()) {
                builder.addCRLEntry(entry.getKey(), Date.from(entry.getValue().when()),
                        entry.getValue().reason().code());
            }
            X509CRLHolder crl = builder.build(contentSigner(root));
            return crl.getEncoded();
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot sign the development CRL", e);
        }
    }

    /**
     * Answers a DER-encoded OCSP request (RFC 6960) as the root itself: good, revoked or unknown (a certificate of
     * another issuer) per certificate asked, the request's nonce echoed. A request that cannot be parsed gets the
     * protocol's malformedRequest answer rather than an exception: this faces the network.
     */
    public byte[] ocspResponse(byte[] request) {
        try {
            OCSPReq parsed;
            try {
                parsed = new OCSPReq(request);
            } catch (IOException | RuntimeException e) {
                return new OCSPRespBuilder().build(OCSPRespBuilder.MALFORMED_REQUEST, null).getEncoded();
            }
            var digests = new JcaDigestCalculatorProviderBuilder().build();
            X509CertificateHolder issuer = new JcaX509CertificateHolder(root.certificate());
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(root.certificate().getPublicKey(),
                    digests.get(RespID.HASH_SHA1));
            Instant now = clock.instant();
            Map<BigInteger, Revocation> revoked = revocations();
            for (Req single : parsed.getRequestList()) {
                CertificateID id = single.getCertID();
                CertificateStatus status;
                if (!id.matchesIssuer(issuer, digests)) {
                    status = new UnknownStatus();
                } else if (revoked.containsKey(id.getSerialNumber())) {
                    Revocation revocation = revoked.get(id.getSerialNumber());
                    status = new RevokedStatus(Date.from(revocation.when()), revocation.reason().code());
                } else {
                    status = CertificateStatus.GOOD;
                }
                builder.addResponse(id, status, Date.from(now), Date.from(now.plus(REVOCATION_VALIDITY)), null);
            }
            Extension nonce = parsed.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(contentSigner(root), new X509CertificateHolder[]{issuer},
                    Date.from(now));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (IOException | GeneralSecurityException | OperatorCreationException | OCSPException e) {
            throw new SigningException("cannot answer the OCSP request", e);
        }
    }

    /** Why a certificate was revoked (RFC 5280 CRLReason, the codes relying parties see). */
    public enum RevocationReason {
        UNSPECIFIED(CRLReason.unspecified),
        KEY_COMPROMISE(CRLReason.keyCompromise),
        AFFILIATION_CHANGED(CRLReason.affiliationChanged),
        SUPERSEDED(CRLReason.superseded),
        CESSATION_OF_OPERATION(CRLReason.cessationOfOperation);

        private final int code;

        RevocationReason(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    private record Revocation(Instant when, RevocationReason reason) {
    }

    private Map<BigInteger, Revocation> revocations() {
        Path file = directory.resolve(REVOKED_FILE);
        Map<BigInteger, Revocation> revoked = new LinkedHashMap<>();
        if (!Files.exists(file)) {
            return revoked;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] fields = line.split("\t");
                if (fields.length == 3) {
                    revoked.putIfAbsent(new BigInteger(fields[0], 16), new Revocation(
                            Instant.ofEpochSecond(Long.parseLong(fields[1])), RevocationReason.valueOf(fields[2])));
                }
            }
            return revoked;
        } catch (IOException | IllegalArgumentException e) {
            throw new SigningException("cannot read the revocations recorded in " + file, e);
        }
    }

    /** RFC 5280 bounds a CN at 64 characters; the development mark must survive any name length. */
    private static String devCommonName(String name) {
        String suffix = " [DEV ONLY]";
        return upTo64(name.length() + suffix.length() > 64 ? name.substring(0, 64 - suffix.length()) + suffix
                : name + suffix);
    }

    private static String upTo64(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64);
    }

    private static SigningKey createRoot(Instant now)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "Sohoa")
                .addRDN(BCStyle.OU, DEV_MARK)
                .addRDN(BCStyle.CN, devCommonName("Sohoa Development Root CA"))
                .build();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(ROOT_LIFETIME)), subject,
                pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(pair.getPublic()));
        SigningKey selfSigner = new SigningKey(pair.getPrivate(), List.of(placeholder(pair, subject, now)));
        X509Certificate certificate = sign(builder, selfSigner);
        return new SigningKey(pair.getPrivate(), List.of(certificate));
    }

    /** A throwaway self-signed certificate, only so that the root's key can be wrapped before its real cert. */
    private static X509Certificate placeholder(KeyPair pair, X500Name subject, Instant now)
            throws OperatorCreationException, GeneralSecurityException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, BigInteger.ONE,
                Date.from(now), Date.from(now.plusSeconds(60)), subject, pair.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, SigningKey issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner(issuer)));
    }

    private static ContentSigner contentSigner(SigningKey issuer) throws OperatorCreationException {
        return new JcaContentSignerBuilder(issuer.signatureAlgorithm()).build(issuer.privateKey());
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(127, new SecureRandom()).add(BigInteger.ONE);
    }

    private static void writePkcs12(Path file, SigningKey key, char[] password)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", key.privateKey(), password, key.chain().toArray(new Certificate[0]));
        PrivateFiles.replace(file, out -> {
            try {
                store.store(out, password);
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot write the key store " + file, e);
            }
        });
    }

    private static void writePem(Path file, X509Certificate certificate) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(certificate);
        }
        Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
    }

    private static char[] readOrCreatePassword(Path file) throws IOException {
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.US_ASCII).strip().toCharArray();
        }
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        PrivateFiles.writeNew(file, password.getBytes(StandardCharsets.US_ASCII));
        return password.toCharArray();
    }
}
