package vn.sohoa.signing.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development PKI's time-stamping authority signs as real ones do (RSA), in new and in older data directories. */
class DevelopmentPkiTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T03:00:00Z"), ZoneOffset.UTC);
    static final DevelopmentPki.Endpoints ENDPOINTS = new DevelopmentPki.Endpoints("http://127.0.0.1:9/crl",
            "http://127.0.0.1:9/ocsp");

    @TempDir
    Path directory;

    @Test
    void aNewTimeStampingAuthoritySignsWithAnRsaKeyOf2048Bits() throws Exception {
        SigningKey tsa = DevelopmentPki.openOrCreate(directory, ENDPOINTS, CLOCK).timeStampingKey();
        assertThat(tsa.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(((RSAPublicKey) tsa.certificate().getPublicKey()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(tsa.certificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    }

    @Test
    void anEd25519TimeStampingKeyOfAnEarlierVersionIsReplacedByAnRsaOne() throws Exception {
        DevelopmentPki pki = DevelopmentPki.openOrCreate(directory, ENDPOINTS, CLOCK);
        // what an earlier version left in the directory: an Ed25519 time-stamping key issued by the same root
        KeyPair edwards = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        X509Certificate certificate = pki.issueCertificate(edwards.getPublic(), "Sohoa Development Time-Stamping "
                + "Authority", "Sohoa", DevelopmentPki.Purpose.TIME_STAMPING);
        char[] password = Files.readString(directory.resolve("keystore-password"), StandardCharsets.US_ASCII).strip()
                .toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("key", edwards.getPrivate(), password, new Certificate[]{certificate,
            pki.rootCertificate()});
        try (OutputStream out = Files.newOutputStream(directory.resolve("dev-tsa.p12"))) {
            store.store(out, password);
        }
        assertThat(pki.timeStampingKey().signatureAlgorithm()).as("the earlier version's key is in place")
                .isEqualTo("Ed25519");

        assertThat(DevelopmentPki.openOrCreate(directory, ENDPOINTS, CLOCK).timeStampingKey().signatureAlgorithm())
                .isEqualTo("SHA256withRSA");
        assertThat(directory.resolve("dev-tsa-ed25519-retired.p12")).exists();
        assertThat(Pkcs12KeySource.load(directory.resolve("dev-tsa-ed25519-retired.p12"), password)
                .signatureAlgorithm()).isEqualTo("Ed25519");
    }
}
