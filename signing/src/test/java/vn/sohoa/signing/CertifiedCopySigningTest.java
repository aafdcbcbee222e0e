package vn.sohoa.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.sohoa.core.testing.SharedCorpus;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.signing.stamp.CertificationStatement;
import vn.sohoa.signing.stamp.StampStatement;
import vn.sohoa.signing.stamp.StatementTemplate;
import vn.sohoa.signing.tsa.LocalTimestampAuthority;
import vn.sohoa.signing.verify.PadesLevel;
import vn.sohoa.signing.verify.SignatureVerifier;
import vn.sohoa.signing.verify.VerificationReport;

class CertifiedCopySigningTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    static Path pkiDir;
    static CrlServer crlServer;
    static DevelopmentPki pki;
    static SigningKey agency;
    static SigningKey certifier;
    static PadesSigner signer;

    @BeforeAll
    static void startPki() throws Exception {
        AtomicReference<DevelopmentPki> holder = new AtomicReference<>();
        crlServer = new CrlServer(() -> holder.get().currentCrl());
        pki = DevelopmentPki.openOrCreate(pkiDir, crlServer.url());
        holder.set(pki);
        agency = pki.issueOrLoad("agency.p12", "UBND xã Hòa Phong", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.AGENCY_SEAL);
        certifier = pki.issueOrLoad("certifier.p12", "Nguyễn Văn An", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        signer = new PadesSigner(new LocalTimestampAuthority(pki.timeStampingKey()));
    }

    @AfterAll
    static void stopCrlServer() {
        crlServer.close();
    }

    private static byte[] certifiedCopy() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        byte[] stamped = new StampStatement(StatementTemplate.ELECTRONIC_COPY_V1).apply(original,
                new CertificationStatement(12, "01/2026-SCTĐT/BS", LocalDate.of(2026, 11, 23), "Nguyễn Văn An",
                        "Phó Chủ tịch", "UBND xã Hòa Phong"));
        ZonedDateTime now = ZonedDateTime.now(VIETNAM);
        byte[] once = signer.sign(stamped, certifier, new SignatureRequest(SignerRole.CERTIFIER, "Nguyễn Văn An",
                "Chứng thực bản sao điện tử từ bản chính, số 12", "UBND xã Hòa Phong", now));
        return signer.sign(once, agency, new SignatureRequest(SignerRole.AGENCY, "UBND xã Hòa Phong",
                "Chứng thực bản sao điện tử từ bản chính, số 12", "UBND xã Hòa Phong", now));
    }

    @Test
    void bothSignaturesArePadesBaselineTInEuDss() throws Exception {
        byte[] signed = certifiedCopy();

        Reports reports = DssJudge.validate(signed, pki.rootCertificate());
        SimpleReport simple = reports.getSimpleReport();
        List<String> ids = simple.getSignatureIdList();
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            assertThat(simple.getIndication(id)).as("DSS indication of %s: %s", id, simple.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_T);
        }
    }

    @Test
    void ourVerifierAgreesAndTheStatementIsInTheText() throws Exception {
        byte[] signed = certifiedCopy();

        VerificationReport report = new SignatureVerifier(List.of(pki.rootCertificate())).verify(signed);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).hasSize(2)
                .allSatisfy(s -> assertThat(s.level()).isEqualTo(PadesLevel.PADES_BASELINE_T));
        assertThat(report.signatures().get(0).signer()).contains("Nguyễn Văn An");
        assertThat(report.signatures().get(1).coversWholeFile()).isTrue();
        try (PDDocument document = Loader.loadPDF(signed)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Chứng thực bản sao đúng với bản chính.")
                    .contains("Số chứng thực: 12").contains("Quyển số: 01/2026-SCTĐT/BS")
                    .contains("Ngày 23 tháng 11 năm 2026");
        }
    }

    @Test
    void oneFlippedByteFailsBothJudges() throws Exception {
        byte[] signed = certifiedCopy();
        byte[] tampered = signed.clone();
        int streamAt = new String(signed, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("stream");
        tampered[streamAt + 200] ^= 0x01;

        VerificationReport report = new SignatureVerifier(List.of(pki.rootCertificate())).verify(tampered);
        assertThat(report.valid()).isFalse();
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.integrityValid()).isFalse());

        SimpleReport simple = DssJudge.validate(tampered, pki.rootCertificate()).getSimpleReport();
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getIndication(id)).isNotEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void anUntrustedRootIsReported() throws Exception {
        byte[] signed = certifiedCopy();
        DevelopmentPki other = DevelopmentPki.openOrCreate(pkiDir.resolve("other"), crlServer.url());

        VerificationReport report = new SignatureVerifier(List.of(other.rootCertificate())).verify(signed);
        assertThat(report.valid()).isFalse();
        assertThat(report.signatures()).allSatisfy(s -> {
            assertThat(s.integrityValid()).isTrue();
            assertThat(s.chainTrusted()).isFalse();
        });
    }

    @Test
    void anExpiredCertificateIsRefusedBeforeSigning() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        ZonedDateTime later = ZonedDateTime.now(VIETNAM).plusYears(5);
        assertThatThrownBy(() -> signer.sign(original, certifier, new SignatureRequest(SignerRole.CERTIFIER,
                "Nguyễn Văn An", "test", "test", later)))
                .isInstanceOf(SigningException.class).hasMessageContaining("not valid");
    }
}
