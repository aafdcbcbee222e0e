package vn.sohoa.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.enumerations.CertificationPermission;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.validation.reports.Reports;
import vn.sohoa.core.document.InkMap;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.SigningException;
import vn.sohoa.signing.keys.SigningKey;
import vn.sohoa.signing.pades.PadesSigner;
import vn.sohoa.signing.pades.SignatureRequest;
import vn.sohoa.signing.pades.SignerRole;
import vn.sohoa.signing.revocation.CertificateRevokedException;
import vn.sohoa.signing.stamp.CertificationStatement;
import vn.sohoa.signing.stamp.StampImages;
import vn.sohoa.signing.stamp.StampStatement;
import vn.sohoa.signing.stamp.StatementTemplate;
import vn.sohoa.signing.verify.PadesLevel;
import vn.sohoa.signing.verify.SignatureVerifier;
import vn.sohoa.signing.verify.VerificationReport;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.QrCodes;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.StampPictures;

class CertifiedCopySigningTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final ZonedDateTime CERTIFIED_AT = ZonedDateTime.of(2026, 11, 23, 14, 5, 9, 0, VIETNAM);
    private static final String VERIFICATION_URL =
            "https://sohoa.example.vn/v/3f1c2a9e-0b7d-4e55-9a51-0c7b3e2f6d10?h=K7QF2M9X";

    @TempDir
    static Path pkiDir;
    static PkiServer pkiServer;
    static DevelopmentPki pki;
    static SigningKey agency;
    static SigningKey certifier;
    static PadesSigner signer;

    @BeforeAll
    static void startPki() throws Exception {
        pkiServer = new PkiServer(pkiDir);
        pki = pkiServer.pki();
        agency = pki.issueOrLoad("agency.p12", "UBND xã Hòa Phong", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.AGENCY_SEAL);
        certifier = pki.issueOrLoad("certifier.p12", "Nguyễn Văn An", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        signer = pkiServer.signer();
    }

    @AfterAll
    static void stopPkiServer() {
        pkiServer.close();
    }

    private static byte[] certifiedCopy() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        byte[] stamped = new StampStatement(StatementTemplate.ELECTRONIC_COPY).apply(original,
                new CertificationStatement(12, "01/2026-SCTĐT/BS", CERTIFIED_AT, "Nguyễn Văn An",
                        "Phó Chủ tịch", "UBND xã Hòa Phong", VERIFICATION_URL),
                new StampImages(StampPictures.signature(), StampPictures.seal(), 44f));
        ZonedDateTime now = ZonedDateTime.now(VIETNAM);
        byte[] once = signer.sign(stamped, certifier, new SignatureRequest(SignerRole.CERTIFIER, "Nguyễn Văn An",
                "Chứng thực bản sao điện tử từ bản chính, số 12", "UBND xã Hòa Phong", now));
        byte[] twice = signer.sign(once, agency, new SignatureRequest(SignerRole.AGENCY, "UBND xã Hòa Phong",
                "Chứng thực bản sao điện tử từ bản chính, số 12", "UBND xã Hòa Phong", now, true));
        return signer.extendToLongTerm(twice);
    }

    @Test
    void bothSignaturesArePadesBaselineLtInEuDssOffline() throws Exception {
        byte[] signed = certifiedCopy();

        Reports reports = DssJudge.validate(signed, pki.rootCertificate(), pkiServer.clock().instant());
        SimpleReport simple = reports.getSimpleReport();
        List<String> ids = simple.getSignatureIdList();
        assertThat(ids).hasSize(2);
        for (String id : ids) {
            assertThat(simple.getIndication(id)).as("DSS indication of %s: %s", id, simple.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(simple.getSignatureFormat(id)).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
        }
        // the time-stamps too, as real TSAs' are (RSA or ECDSA): one signature time-stamp per signature
        assertThat(DssJudge.timestampIndications(reports)).hasSize(2)
                .allSatisfy((id, indication) -> assertThat(indication).as("time-stamp %s", id)
                        .isEqualTo(Indication.PASSED));
        DiagnosticData diagnostic = reports.getDiagnosticData();
        // both kinds of revocation data are embedded: OCSP answers and the root's CRL
        assertThat(diagnostic.getAllRevocationData()).extracting(r -> r.getRevocationType().name())
                .contains("OCSP", "CRL");
        SignatureWrapper agencySignature = diagnostic.getSignatureById(ids.get(1));
        assertThat(agencySignature.getSigFieldLock()).as("lock of the agency signature").isNotNull();
        assertThat(agencySignature.getSigFieldLock().getPermissions())
                .isEqualTo(CertificationPermission.NO_CHANGE_PERMITTED);
        assertThat(agencySignature.getPdfUndefinedChanges()).isEmpty();
        assertThat(agencySignature.getPdfSignatureOrFormFillChanges()).isEmpty();
        assertThat(agencySignature.getPdfAnnotationChanges()).isEmpty();
    }

    @Test
    void theArchiveOptionIsLtaAndARenewalKeepsItLta() throws Exception {
        byte[] signed = certifiedCopy();
        byte[] archived = signer.addDocumentTimestamp(signed);
        assertLevel(archived, SignatureLevel.PAdES_BASELINE_LTA);
        assertThat(PadesSigner.lastDocumentTimestampExpiry(signed)).isEmpty();
        assertThat(PadesSigner.lastDocumentTimestampExpiry(archived)).contains(
                pki.timeStampingKey().certificate().getNotAfter().toInstant());

        byte[] renewed = signer.extendToLongTermArchive(archived);
        assertLevel(renewed, SignatureLevel.PAdES_BASELINE_LTA);
        Reports reports = DssJudge.validate(renewed, pki.rootCertificate(), pkiServer.clock().instant());
        // two signature time-stamps and two document time-stamps, every one PASSED
        assertThat(reports.getDiagnosticData().getTimestampList()).hasSize(4);
        assertThat(DssJudge.timestampIndications(reports)).hasSize(4)
                .allSatisfy((id, indication) -> assertThat(indication).as("time-stamp %s", id)
                        .isEqualTo(Indication.PASSED));
    }

    private static void assertLevel(byte[] pdf, SignatureLevel level) {
        SimpleReport simple = DssJudge.validate(pdf, pki.rootCertificate(), pkiServer.clock().instant()).getSimpleReport();
        assertThat(simple.getSignatureIdList()).hasSize(2);
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getIndication(id)).as("%s %s", id, simple.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(simple.getSignatureFormat(id)).isEqualTo(level);
        }
    }

    @Test
    void aRevokedCertifierCertificateIsRefusedBeforeSigning() throws Exception {
        SigningKey revoked = pki.issueOrLoad("revoked.p12", "Trần Thị Bình", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        pki.revoke(revoked.certificate(), Instant.now().minusSeconds(60),
                DevelopmentPki.RevocationReason.KEY_COMPROMISE);
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));

        assertThatThrownBy(() -> signer.sign(original, revoked, new SignatureRequest(SignerRole.CERTIFIER,
                "Trần Thị Bình", "test", "test", ZonedDateTime.now(VIETNAM))))
                .isInstanceOf(CertificateRevokedException.class)
                .hasMessageContaining("Trần Thị Bình").hasMessageContaining("revoked")
                .hasMessageContaining("OCSP");
    }

    @Test
    void aLockedCopyCannotBeSignedAgain() throws Exception {
        byte[] certified = certifiedCopy();

        assertThatThrownBy(() -> signer.sign(certified, certifier, new SignatureRequest(SignerRole.CERTIFIER,
                "Nguyễn Văn An", "test", "test", ZonedDateTime.now(VIETNAM))))
                .isInstanceOf(SigningException.class).hasMessageContaining("field lock P=1");
    }

    @Test
    void aPdfWhoseCertificationForbidsChangesIsRefused() throws Exception {
        byte[] certifiedNoChanges;
        try (PDDocument document = Loader.loadPDF(Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf")))) {
            // the catalog entries of a DocMDP certification signature with P=1 (ISO 32000-1, 12.8.2.2)
            COSDictionary params = new COSDictionary();
            params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
            params.setInt(COSName.P, 1);
            COSDictionary reference = new COSDictionary();
            reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
            reference.setItem(COSName.getPDFName("TransformMethod"), COSName.getPDFName("DocMDP"));
            reference.setItem(COSName.getPDFName("TransformParams"), params);
            COSArray references = new COSArray();
            references.add(reference);
            COSDictionary signature = new COSDictionary();
            signature.setItem(COSName.TYPE, COSName.SIG);
            signature.setItem(COSName.getPDFName("Reference"), references);
            COSDictionary perms = new COSDictionary();
            perms.setItem(COSName.getPDFName("DocMDP"), signature);
            document.getDocumentCatalog().getCOSObject().setItem(COSName.getPDFName("Perms"), perms);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            certifiedNoChanges = out.toByteArray();
        }

        assertThatThrownBy(() -> signer.sign(certifiedNoChanges, certifier, new SignatureRequest(
                SignerRole.CERTIFIER, "Nguyễn Văn An", "test", "test", ZonedDateTime.now(VIETNAM))))
                .isInstanceOf(SigningException.class).hasMessageContaining("DocMDP P=1");
    }

    @Test
    void ourVerifierAgreesAndTheStatementIsInTheText() throws Exception {
        byte[] signed = certifiedCopy();

        VerificationReport report = new SignatureVerifier(List.of(pki.rootCertificate())).verify(signed);
        assertThat(report.valid()).as(report.toString()).isTrue();
        assertThat(report.signatures()).hasSize(2)
                .allSatisfy(s -> assertThat(s.level()).isEqualTo(PadesLevel.PADES_BASELINE_LT));
        assertThat(report.signatures().get(0).signer()).contains("Nguyễn Văn An");
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.integrityValid()).isTrue());
        try (PDDocument document = Loader.loadPDF(signed)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Chứng thực bản sao đúng với bản chính.")
                    .contains("Số chứng thực: 12").contains("Quyển số: 01/2026-SCTĐT/BS")
                    .contains("Ngày 23 tháng 11 năm 2026").contains("Ký số lúc 2026-11-23T14:05:09+07:00");
        }
    }

    @Test
    void theQrCodeBesideTheStatementCarriesTheVerificationLink() throws Exception {
        byte[] signed = certifiedCopy();
        try (PDDocument document = Loader.loadPDF(signed)) {
            var page = new PDFRenderer(document)
                    .renderImageWithDPI(document.getNumberOfPages() - 1, 200);
            assertThat(QrCodes.read(page)).isEqualTo(VERIFICATION_URL);
        }
    }

    @Test
    void theInkMapMadeAtDigitizationPlacesTheStatementWhereRenderingWould() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        InkMap ink;
        try (PDDocument document = Loader.loadPDF(original)) {
            ink = InkMap.of(new PDFRenderer(document).renderImageWithDPI(
                    document.getNumberOfPages() - 1, 300, ImageType.GRAY), 300);
        }
        CertificationStatement statement = new CertificationStatement(12, "01/2026-SCTĐT/BS", CERTIFIED_AT,
                "Nguyễn Văn An", "Phó Chủ tịch", "UBND xã Hòa Phong", VERIFICATION_URL);
        StampStatement stamp = new StampStatement(StatementTemplate.ELECTRONIC_COPY);

        float rendered = statementTop(stamp.apply(original, statement, StampImages.NONE, null));
        float mapped = statementTop(stamp.apply(original, statement, StampImages.NONE, ink));

        assertThat(mapped).isCloseTo(rendered, Offset.offset(4f));
    }

    @Test
    void aNameTheStatementFontCannotShowIsRefusedNamingTheCharacter() throws Exception {
        byte[] original = Files.readAllBytes(SharedCorpus.corpus("src/a06.pdf"));
        CertificationStatement statement = new CertificationStatement(12, "01/2026-SCTĐT/BS", CERTIFIED_AT,
                "Nguyễn Văn 安", "Phó Chủ tịch", "UBND xã Hòa Phong", VERIFICATION_URL);
        assertThatThrownBy(() -> new StampStatement(StatementTemplate.ELECTRONIC_COPY).apply(original, statement,
                StampImages.NONE, null))
                .isInstanceOf(SigningException.class)
                .hasMessageContaining("U+5B89").hasMessageContaining("no glyph");
    }

    /** Where the statement's first line stands on the last page (PDF units from the top), or fails. */
    private static float statementTop(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).as("the statement fits on the last page").isEqualTo(1);
            float[] top = {-1};
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) throws IOException {
                    if (text.startsWith("Chứng thực bản sao") && top[0] < 0) {
                        top[0] = positions.get(0).getYDirAdj();
                    }
                    super.writeString(text, positions);
                }
            };
            stripper.getText(document);
            assertThat(top[0]).isPositive();
            return top[0];
        }
    }

    @Test
    void eachCopyIsStampedWithTheWordingInForceOnItsDate() {
        assertThat(StatementTemplate.inForce(StatementTemplate.ELECTRONIC_COPY, LocalDate.of(2025, 6, 30)))
                .isEqualTo(StatementTemplate.ELECTRONIC_COPY_V1);
        assertThat(StatementTemplate.inForce(StatementTemplate.ELECTRONIC_COPY, LocalDate.of(2025, 7, 1)))
                .isEqualTo(StatementTemplate.ELECTRONIC_COPY_V2);
        assertThatThrownBy(() -> StatementTemplate.inForce(StatementTemplate.ELECTRONIC_COPY,
                LocalDate.of(2019, 1, 1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oneFlippedByteFailsBothJudges() throws Exception {
        byte[] signed = certifiedCopy();
        byte[] tampered = signed.clone();
        int streamAt = new String(signed, StandardCharsets.ISO_8859_1).indexOf("stream");
        tampered[streamAt + 200] ^= 0x01;

        VerificationReport report = new SignatureVerifier(List.of(pki.rootCertificate())).verify(tampered);
        assertThat(report.valid()).isFalse();
        assertThat(report.signatures()).allSatisfy(s -> assertThat(s.integrityValid()).isFalse());

        SimpleReport simple = DssJudge.validate(tampered, pki.rootCertificate(), pkiServer.clock().instant()).getSimpleReport();
        for (String id : simple.getSignatureIdList()) {
            assertThat(simple.getIndication(id)).isNotEqualTo(Indication.TOTAL_PASSED);
        }
    }

    @Test
    void anUntrustedRootIsReported() throws Exception {
        byte[] signed = certifiedCopy();
        DevelopmentPki other = DevelopmentPki.openOrCreate(pkiDir.resolve("other"),
                new DevelopmentPki.Endpoints("http://127.0.0.1:9/crl", "http://127.0.0.1:9/ocsp"));

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
