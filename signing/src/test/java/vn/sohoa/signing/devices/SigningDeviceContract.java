package vn.sohoa.signing.devices;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Signature;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import vn.sohoa.signing.PkiServer;
import vn.sohoa.signing.keys.DataToSign;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SignatureAnswer;
import vn.sohoa.signing.keys.SigningDevice;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.PreparedSignature;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.signing.pades.SigningOutcome;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.SharedCorpus;

/**
 * What every {@link SigningDevice} must do, run against each one (PKCS#12 file, PKCS#11 token in SoftHSM2, CSC
 * remote signing server over HTTP, deferred key answered by the officer's token): name its certificate, sign the
 * data it is given with that certificate's key, and through {@link PadesSigner} make a certifier's signature that
 * EU DSS judges PAdES-BASELINE-LT once the agency has signed and validation data is added.
 */
abstract class SigningDeviceContract {

    static final String CERTIFIER = "Lê Thị Cúc";
    static final String AGENCY = "UBND xã Hòa Phong";

    @TempDir
    static Path pkiDirectory;
    static PkiServer pkiServer;
    static DevelopmentPki pki;
    static PadesSigner signer;
    static SigningKey agencyKey;

    @BeforeAll
    static void startPki() throws Exception {
        pkiServer = new PkiServer(pkiDirectory);
        pki = pkiServer.pki();
        signer = pkiServer.signer();
        agencyKey = pki.issueOrLoad("agency.p12", AGENCY, AGENCY, DevelopmentPki.Purpose.AGENCY_SEAL);
    }

    @AfterAll
    static void stopPki() {
        pkiServer.close();
    }

    /** A device holding a certifier's key certified by {@link #pki}; a new one for each call. */
    abstract SigningDevice device() throws Exception;

    /**
     * The value the key's holder returns for data the device answered {@link SignatureAnswer.Later} to; devices that
     * answer at once never get here.
     */
    byte[] answerFromOutside(DataToSign data) throws Exception {
        throw new AssertionError("this device should have answered at once");
    }

    private byte[] value(SigningDevice device, DataToSign data) throws Exception {
        SignatureAnswer answer = device.sign(data);
        return answer instanceof SignatureAnswer.Value value ? value.bytes() : answerFromOutside(data);
    }

    static SignatureRequest request(SignerRole role, String name, boolean lock) {
        return new SignatureRequest(role, name, "Chứng thực bản sao điện tử từ bản chính, số 7", AGENCY,
                ZonedDateTime.now(ZoneId.of("Asia/Ho_Chi_Minh")).withNano(0), lock);
    }

    @Test
    void theChainStartsWithTheSignersCertificateIssuedByTheTrustedRoot() throws Exception {
        SigningDevice device = device();

        assertThat(device.chain()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(device.chain().get(0).getSubjectX500Principal().getName()).contains(CERTIFIER);
        device.chain().get(0).verify(pki.rootCertificate().getPublicKey());
    }

    @Test
    void theValueSignsTheDataWithTheKeyOfTheFirstCertificate() throws Exception {
        SigningDevice device = device();
        DataToSign data = new DataToSign("data to sign / dữ liệu cần ký".getBytes(StandardCharsets.UTF_8));

        byte[] value = value(device, data);

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(device.chain().get(0).getPublicKey());
        verifier.update(data.signedAttributes());
        assertThat(verifier.verify(value)).isTrue();
    }

    @Test
    void aCertifiersSignatureMadeWithItIsPadesLtInEuDss() throws Exception {
        SigningDevice device = device();
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));

        SigningOutcome outcome = signer.sign(original, device, request(SignerRole.CERTIFIER, CERTIFIER, false));
        byte[] certifierSigned;
        if (outcome instanceof SigningOutcome.Signed signed) {
            certifierSigned = signed.pdf();
        } else {
            PreparedSignature prepared = ((SigningOutcome.Pending) outcome).prepared();
            certifierSigned = signer.complete(prepared, answerFromOutside(prepared.dataToSign()));
        }
        byte[] copy = signer.extendToLongTerm(signer.sign(certifierSigned, agencyKey,
                request(SignerRole.AGENCY, AGENCY, true)));

        SimpleReport report = DssJudge.validate(copy, pki.rootCertificate(), pkiServer.clock().instant()).getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(2);
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as("%s %s", id, report.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }
        assertThat(report.getSignedBy(report.getSignatureIdList().get(0))).contains(CERTIFIER);
    }
}
