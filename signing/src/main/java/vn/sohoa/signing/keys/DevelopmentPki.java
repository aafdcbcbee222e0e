package vn.sohoa.signing.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A development PKI made on first start, so that a fresh install can certify copies without a real CA: a root CA, a
 * time-stamping authority, and end-entity certificates for agencies and certifiers. Every subject says it is for
 * development only. Keys are RSA 3072 (ETSI TS 119 312 still accepts them beyond 2030, and RSA
 * signatures have a fixed length, which keeps the signature container size predictable). The root's certificate is written as PEM for relying parties, and the root
 * signs a fresh CRL on request so that validators can check revocation offline.
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

    private final Path directory;
    private final String crlUrl;
    private final char[] password;
    private final SigningKey root;

    private DevelopmentPki(Path directory, String crlUrl, char[] password, SigningKey root) {
        this.directory = directory;
        this.crlUrl = crlUrl;
        this.password = password;
        this.root = root;
    }

    /**
     * Opens the PKI in {@code directory}, creating the root CA and TSA on first use.
     *
     * @param crlUrl where relying parties fetch the root's CRL (written into every issued certificate)
     */
    public static synchronized DevelopmentPki openOrCreate(Path directory, String crlUrl) {
        try {
            Files.createDirectories(directory);
            char[] password = readOrCreatePassword(directory.resolve(PASSWORD_FILE));
            Path rootFile = directory.resolve(ROOT_FILE);
            SigningKey root;
            if (Files.exists(rootFile)) {
                root = Pkcs12KeySource.load(rootFile, password);
            } else {
                root = createRoot();
                writePkcs12(rootFile, root, password);
            }
            writePem(directory.resolve(ROOT_PEM), root.certificate());
            DevelopmentPki pki = new DevelopmentPki(directory, crlUrl, password, root);
            pki.issueOrLoad(TSA_FILE, "Sohoa Development Time-Stamping Authority", "Sohoa", Purpose.TIME_STAMPING);
            return pki;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot create the development PKI in " + directory + ": " + e.getMessage(),
                    e);
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
            X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "VN")
                    .addRDN(BCStyle.O, upTo64(organization))
                    .addRDN(BCStyle.OU, DEV_MARK)
                    .addRDN(BCStyle.CN, devCommonName(commonName))
                    .build();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(LEAF_LIFETIME)), subject,
                    pair.getPublic());
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    extensions.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    extensions.createAuthorityKeyIdentifier(root.certificate()));
            builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                new DistributionPoint(new DistributionPointName(new GeneralNames(
                        new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl))), null, null)}));
            switch (purpose) {
                case TIME_STAMPING -> {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, true,
                            new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
                }
                case AGENCY_SEAL, PERSONAL_SIGNATURE -> builder.addExtension(Extension.keyUsage, true,
                        new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            }
            X509Certificate certificate = sign(builder, root);
            SigningKey key = new SigningKey(pair.getPrivate(), List.of(certificate, root.certificate()));
            writePkcs12(file, key, password);
            return key;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot issue a development certificate for " + commonName, e);
        }
    }

    /** A CRL signed now by the root, valid for a week, listing no revoked certificate. */
    public byte[] currentCrl() {
        try {
            Instant now = Instant.now();
            X509v2CRLBuilder builder = new X509v2CRLBuilder(
                    X500Name.getInstance(root.certificate().getSubjectX500Principal().getEncoded()),
                    Date.from(now.minusSeconds(60)));
            builder.setNextUpdate(Date.from(now.plus(Duration.ofDays(7))));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(root.certificate()));
            builder.addExtension(Extension.cRLNumber, false,
                    new org.bouncycastle.asn1.x509.CRLNumber(BigInteger.valueOf(now.getEpochSecond())));
            X509CRLHolder crl = builder.build(contentSigner(root));
            return crl.getEncoded();
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot sign the development CRL", e);
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

    private static SigningKey createRoot()
            throws GeneralSecurityException, OperatorCreationException, IOException {
        KeyPair pair = newKeyPair();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, "Sohoa")
                .addRDN(BCStyle.OU, DEV_MARK)
                .addRDN(BCStyle.CN, devCommonName("Sohoa Development Root CA"))
                .build();
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(ROOT_LIFETIME)), subject,
                pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                extensions.createSubjectKeyIdentifier(pair.getPublic()));
        SigningKey selfSigner = new SigningKey(pair.getPrivate(), List.of(placeholder(pair, subject)));
        X509Certificate certificate = sign(builder, selfSigner);
        return new SigningKey(pair.getPrivate(), List.of(certificate));
    }

    /** A throwaway self-signed certificate, only so that the root's key can be wrapped before its real cert. */
    private static X509Certificate placeholder(KeyPair pair, X500Name subject)
            throws OperatorCreationException, GeneralSecurityException {
        Instant now = Instant.now();
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
        generator.initialize(3072);
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
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            store.store(out, password);
        }
        Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
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
        Files.writeString(file, password, StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own permissions protect it
        }
        return password.toCharArray();
    }
}
