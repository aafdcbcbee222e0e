package vn.sohoa.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import javax.crypto.Cipher;
import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.InvalidSignatureValueException;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.PreparedSignature;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.SharedCorpus;

/**
 * The two-step signature of a certifier whose key is outside the service (a USB token, a remote signing service):
 * the service prepares, the signer signs the digest, the service completes, the agency signs and locks. The signer's
 * side is played here by plain JCA code holding the private key, as a token's driver would.
 */
class ExternalSigningTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path pkiDir;
    static PkiServer pkiServer;
    static DevelopmentPki pki;
    static PadesSigner signer;
    static SigningKey certifierOnToken;
    static SigningKey agency;

    @BeforeAll
    static void start() throws Exception {
        pkiServer = new PkiServer(pkiDir);
        pki = pkiServer.pki();
        signer = pkiServer.signer();
        certifierOnToken = pki.issueOrLoad("token.p12", "Lê Thị Cúc", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        agency = pki.issueOrLoad("agency.p12", "UBND xã Hòa Phong", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.AGENCY_SEAL);
    }

    @AfterAll
    static void stop() {
        pkiServer.close();
    }

    static SignatureRequest request(SignerRole role, String name, boolean lock) {
        return new SignatureRequest(role, name, "Chứng thực bản sao điện tử từ bản chính, số 7", "UBND xã Hòa Phong",
                ZonedDateTime.now(VIETNAM).withNano(0), lock);
    }

    /** What a signHash service does with the digest alone: PKCS#1 v1.5 over DigestInfo(SHA-256, digest). */
    static byte[] signHash(byte[] digest, SigningKey key) throws Exception {
        byte[] digestInfo = new DigestInfo(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE),
                digest).getEncoded("DER");
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.ENCRYPT_MODE, key.privateKey());
        return rsa.doFinal(digestInfo);
    }

    @Test
    void aDigestSignedOutsideCompletesACopyThatEuDssAcceptsAsLt() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        PreparedSignature prepared = signer.prepare(original, certifierOnToken.chain(),
                request(SignerRole.CERTIFIER, "Lê Thị Cúc", false));

        byte[] certifierSigned = signer.complete(prepared, signHash(prepared.dataToSign().digest(), certifierOnToken));
        byte[] copy = signer.extendToLongTerm(signer.sign(certifierSigned, agency,
                request(SignerRole.AGENCY, "UBND xã Hòa Phong", true)));

        SimpleReport report = DssJudge.validate(copy, pki.rootCertificate(), pkiServer.clock().instant()).getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(2);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as("%s %s", id, report.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }
        assertThat(report.getSignedBy(report.getSignatureIdList().get(0))).contains("Lê Thị Cúc");
    }

    @Test
    void aWrongValueIsRefusedAndTheRightOneStillCompletes() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        PreparedSignature prepared = signer.prepare(original, certifierOnToken.chain(),
                request(SignerRole.CERTIFIER, "Lê Thị Cúc", false));

        byte[] otherKeysValue = signHash(prepared.dataToSign().digest(), agency);
        assertThatThrownBy(() -> signer.complete(prepared, otherKeysValue))
                .isInstanceOf(InvalidSignatureValueException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> signer.complete(prepared, new byte[]{1, 2, 3}))
                .isInstanceOf(InvalidSignatureValueException.class);

        byte[] signed = signer.complete(prepared, signHash(prepared.dataToSign().digest(), certifierOnToken));
        assertThat(DssJudge.validate(signed, pki.rootCertificate(), pkiServer.clock().instant()).getSimpleReport().getSignaturesCount())
                .isEqualTo(1);
    }

    /**
     * An ECDSA key (P-256, as newer tokens carry): the token answers in DER, whose length varies, and the copy still
     * fills its reserved gap exactly and validates in EU DSS; a plain r‖s answer is taken as well.
     */
    @Test
    void anEcdsaTokensDerValueCompletesACopyThatEuDssAcceptsAsLt() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        var certificate = pki.issueCertificate(pair.getPublic(), "Trần Thị Ngọc", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        for (String form : List.of("SHA256withECDSA", "SHA256withECDSAinP1363Format")) {
            PreparedSignature prepared = signer.prepare(original, List.of(certificate, pki.rootCertificate()),
                    request(SignerRole.CERTIFIER, "Trần Thị Ngọc", false));
            Signature token = Signature.getInstance(form);
            token.initSign(pair.getPrivate());
            token.update(prepared.signedAttributes());
            byte[] value = token.sign();
            assertThatThrownBy(() -> signer.complete(prepared, Arrays.copyOf(value, value.length - 1)))
                    .isInstanceOf(InvalidSignatureValueException.class);

            byte[] copy = signer.extendToLongTerm(signer.sign(signer.complete(prepared, value), agency,
                    request(SignerRole.AGENCY, "UBND xã Hòa Phong", true)));

            SimpleReport report = DssJudge.validate(copy, pki.rootCertificate(), pkiServer.clock().instant())
                    .getSimpleReport();
            String first = report.getSignatureIdList().get(0);
            assertThat(report.getSignedBy(first)).contains("Trần Thị Ngọc");
            for (String id : report.getSignatureIdList()) {
                assertThat(report.getIndication(id)).as("%s %s %s", form, id, report.getSubIndication(id))
                        .isEqualTo(Indication.TOTAL_PASSED);
                assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
            }
        }
    }

    @Test
    void aDsaCertificateIsRefusedWithTheReason() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("DSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        var certificate = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(
                        new X500Principal("CN=DSA holder"), BigInteger.ONE,
                        new Date(), new Date(System.currentTimeMillis() + 86_400_000L),
                        new X500Principal("CN=DSA holder"), pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withDSA")
                                .build(pair.getPrivate())));

        assertThatThrownBy(() -> signer.prepare(original, List.of(certificate),
                request(SignerRole.CERTIFIER, "DSA holder", false)))
                .isInstanceOf(SigningException.class).hasMessageContaining("needs an RSA or EC certificate");
    }
}
