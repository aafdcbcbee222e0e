package vn.sohoa.signer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.ProviderException;
import java.security.Security;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The token through the JDK's SunPKCS11 provider and the vendor's PKCS#11 library. The PIN is asked for by the agent
 * itself ({@link PinPrompt}), never by the page; the logged-in session is kept for a short time so that a certifier
 * signs a batch with one PIN entry, then forgotten.
 */
public final class Pkcs11TokenAccess implements TokenAccess {

    /** DER prefix of a SHA-256 DigestInfo (RFC 8017 §9.2): PKCS#1 v1.5 signs this followed by the digest. */
    private static final byte[] SHA256_DIGEST_INFO = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private final Path library;
    private final long slot;
    private final PinPrompt pins;
    private final Duration keepOpen;
    private final Clock clock;
    private KeyStore session;
    private Instant openedAt;

    public Pkcs11TokenAccess(Path library, long slot, PinPrompt pins, Duration keepOpen, Clock clock) {
        if (!Files.isReadable(library)) {
            throw new SignerException(SignerException.Kind.TOKEN_ABSENT, "the PKCS#11 library " + library
                    + " cannot be read; install the token's driver or set signer.pkcs11.library");
        }
        this.library = library;
        this.slot = slot;
        this.pins = pins;
        this.keepOpen = keepOpen;
        this.clock = clock;
    }

    private synchronized KeyStore session() {
        if (session != null && openedAt.plus(keepOpen).isAfter(clock.instant())) {
            return session;
        }
        session = null;
        char[] pin = pins.askPin("Mã PIN của USB token / token PIN");
        if (pin == null) {
            throw new SignerException(SignerException.Kind.REFUSED_BY_USER, "the PIN was not given");
        }
        try {
            Provider provider = Security.getProvider("SunPKCS11").configure("--name=sohoa-signer\nlibrary="
                    + library + "\nslot=" + slot + "\n");
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            store.load(null, pin);
            session = store;
            openedAt = clock.instant();
            return store;
        } catch (IOException e) {
            throw new SignerException(SignerException.Kind.WRONG_PIN, "the token refused the PIN (or is locked): "
                    + e.getMessage(), e);
        } catch (GeneralSecurityException | ProviderException e) {
            throw new SignerException(SignerException.Kind.TOKEN_ABSENT, "no token answers in slot " + slot + ": "
                    + e.getMessage(), e);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    @Override
    public List<TokenCertificate> certificates() {
        KeyStore store = session();
        List<TokenCertificate> found = new ArrayList<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate certificate) {
                    List<X509Certificate> chain = new ArrayList<>();
                    Certificate[] stored = store.getCertificateChain(alias);
                    for (Certificate each : stored == null ? new Certificate[0] : stored) {
                        chain.add((X509Certificate) each);
                    }
                    if (chain.isEmpty()) {
                        chain.add(certificate);
                    }
                    found.add(new TokenCertificate(fingerprint(certificate), certificate, List.copyOf(chain)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new SignerException(SignerException.Kind.TOKEN_ABSENT, "cannot list the token: " + e.getMessage(), e);
        }
        return found;
    }

    @Override
    public byte[] signDigest(String fingerprint, byte[] sha256Digest) {
        if (sha256Digest.length != 32) {
            throw new SignerException(SignerException.Kind.BAD_REQUEST, "a SHA-256 digest has 32 bytes, not "
                    + sha256Digest.length);
        }
        KeyStore store = session();
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.getCertificate(alias) instanceof X509Certificate certificate
                        && fingerprint(certificate).equals(fingerprint) && store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, null);
                    boolean rsa = key.getAlgorithm().equals("RSA");
                    Signature signature = Signature.getInstance(rsa ? "NONEwithRSA" : "NONEwithECDSA",
                            store.getProvider());
                    signature.initSign(key);
                    signature.update(rsa ? digestInfo(sha256Digest) : sha256Digest);
                    return signature.sign();
                }
            }
        } catch (GeneralSecurityException e) {
            throw new SignerException(SignerException.Kind.TOKEN_ABSENT, "the token could not sign: "
                    + e.getMessage(), e);
        }
        throw new SignerException(SignerException.Kind.NO_SUCH_CERTIFICATE, "no key on the token for the "
                + "certificate " + fingerprint);
    }

    static byte[] digestInfo(byte[] digest) {
        byte[] info = new byte[SHA256_DIGEST_INFO.length + digest.length];
        System.arraycopy(SHA256_DIGEST_INFO, 0, info, 0, SHA256_DIGEST_INFO.length);
        System.arraycopy(digest, 0, info, SHA256_DIGEST_INFO.length, digest.length);
        return info;
    }

    static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot hash a certificate", e);
        }
    }
}
