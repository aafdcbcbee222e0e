package vn.sohoa.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.Pkcs11Token;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.SoftHsm;

/** The agency's key in a PKCS#11 token (SoftHSM2, a real PKCS#11 module): made there, never out, signs there. */
class Pkcs11SigningTest {

    private static final String PIN = SoftHsm.PIN;

    @TempDir
    static Path pkiDir;
    static PkiServer pkiServer;
    static SoftHsm.Token token;
    static SoftHsm.Token neverLoggedIn;

    @BeforeAll
    static void start() throws Exception {
        pkiServer = new PkiServer(pkiDir);
        token = SoftHsm.token("sohoa-agency");
        neverLoggedIn = SoftHsm.token("sohoa-wrong-pin");
    }

    @AfterAll
    static void stop() {
        pkiServer.close();
    }

    @Test
    void aKeyMadeInTheTokenSignsAPadesLtCopyThatEuDssAccepts() throws Exception {
        DevelopmentPki pki = pkiServer.pki();
        Pkcs11Token hsm = Pkcs11Token.open(token.module(), Pkcs11Token.Slot.id(token.slotId()), PIN.toCharArray());
        KeyPair pair = hsm.generateRsaKeyPair(3072);
        var certificate = pki.issueCertificate(pair.getPublic(), "UBND xã Hòa Phong", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.AGENCY_SEAL);
        hsm.storeChain("agency-000.00.30.H42", pair.getPrivate(), List.of(certificate, pki.rootCertificate()));

        // a second login, as the service does on start: the key is found in the token by its name
        SigningKey key = Pkcs11Token.open(token.module(), Pkcs11Token.Slot.id(token.slotId()), PIN.toCharArray())
                .key("agency-000.00.30.H42");
        assertThat(key.provider().getName()).startsWith("SunPKCS11");
        assertThat(key.privateKey().getEncoded()).as("a token key is not extractable").isNull();

        PadesSigner signer = pkiServer.signer();
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        byte[] signed = signer.extendToLongTerm(signer.sign(original, key, new SignatureRequest(SignerRole.AGENCY,
                "UBND xã Hòa Phong", "Chứng thực bản sao điện tử từ bản chính", "UBND xã Hòa Phong",
                ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")), true)));

        SimpleReport report = DssJudge.validate(signed, pki.rootCertificate(), pkiServer.clock().instant()).getSimpleReport();
        String id = report.getFirstSignatureId();
        assertThat(report.getIndication(id)).as("%s", report.getSubIndication(id)).isEqualTo(Indication.TOTAL_PASSED);
        assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
    }

    @Test
    void aWrongPinIsAClearError() {
        assertThatThrownBy(() -> Pkcs11Token.open(neverLoggedIn.module(), Pkcs11Token.Slot.id(neverLoggedIn.slotId()),
                "000000".toCharArray()))
                .isInstanceOf(SigningException.class).hasMessageContaining("cannot log in")
                .hasMessageContaining("CKR_PIN_INCORRECT");
    }

    @Test
    void anUnknownKeyNameSaysWhatTheTokenHolds() {
        Pkcs11Token hsm = Pkcs11Token.open(token.module(), Pkcs11Token.Slot.id(token.slotId()), PIN.toCharArray());
        assertThatThrownBy(() -> hsm.key("no-such-key")).isInstanceOf(SigningException.class)
                .hasMessageContaining("no key named \"no-such-key\"");
    }
}
