package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.sohoa.app.ServiceTime;
import vn.sohoa.app.config.SohoaProperties;
import vn.sohoa.app.pki.CertifierCertificates;
import vn.sohoa.app.security.UserRepository;
import vn.sohoa.signer.Pkcs11TokenAccess;
import vn.sohoa.signer.SigningAgent;
import vn.sohoa.signer.UserConsent;
import vn.sohoa.signing.keys.DevelopmentPki;
import vn.sohoa.signing.keys.Pkcs11Token;
import vn.sohoa.testkit.Cer;
import vn.sohoa.testkit.Chromium;
import vn.sohoa.testkit.DssJudge;
import vn.sohoa.testkit.FreePort;
import vn.sohoa.testkit.ScanDefects;
import vn.sohoa.testkit.SharedCorpus;
import vn.sohoa.testkit.SoftHsm;

/**
 * The desk's day in a real browser (Debian's headless Chromium) against the service on its embedded defaults: a
 * clerk registers a dossier, drops two corpus scans, turns and reorders the pages of the draft, follows the
 * recognition and reads the text beside the scan; a certifier finds the paper in the queue, certifies it through
 * the confirmation, downloads the copy, which our API and EU DSS both verify, and sees it in the month's register;
 * a scanning station's hot folder feeds the same dossier and refuses a file for an unknown one; the administrator's
 * screens list users and keys and keep a refused form's input; the supervisor's dashboard shows the demo province
 * against its targets and drills down to a commune, in Vietnamese and English. Every page is checked for controls a
 * screen reader cannot name. Screenshots are kept in {@code app/target/screenshots}.
 */
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(5) // one of the longest classes: started first (app/pom.xml runs classes in parallel)
class DeskBrowserTest {

    static final int PORT = Browser.freePort();
    static final String TITLE = "Giấy khai sinh và hợp đồng " + UUID.randomUUID().toString().substring(0, 6);
    /** The dossier's applicant, who then asks for the certified copy (made up; the number has the valid format). */
    static final String APPLICANT = "Hoàng Thị Dân";
    static final String APPLICANT_ID = "079190000456";
    static Path hotFolder;
    static Browser browser;
    static String dossierCode;
    static String documentPath;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("sohoa-desk-");
        hotFolder = home.resolve("hot-folder");
        registry.add("server.port", () -> PORT);
        registry.add("sohoa.home", home::toString);
        registry.add("sohoa.public-base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("sohoa.bootstrap.admin-password", () -> "admin-pass");
        registry.add("sohoa.bootstrap.demo-password", () -> "demo-pass");
        registry.add("sohoa.hot-folder.poll-interval", () -> "300ms");
        registry.add("sohoa.hot-folder.stations.may-quet-1", () -> "000.00.30.H42");
        registry.add("sohoa.hot-folder.settle-time", () -> "300ms");
        registry.add("sohoa.desk-signer.url", () -> "http://127.0.0.1:" + AGENT_PORT);
    }

    /** Where the desk signing agent listens in this test (sohoa-signer, started by the certifier's test). */
    static final int AGENT_PORT = FreePort.pick();

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = new Browser("The desk's browser test", PORT);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    WebElement find(String css) {
        return browser.driver.findElement(By.cssSelector(css));
    }

    void assertAllControlsNamed() {
        assertThat(browser.unnamedControls()).as(browser.driver.getCurrentUrl()).isEmpty();
    }

    @Test
    @Order(1)
    void theClerkRegistersADossierAndUploadsTwoScansAsADraft() throws Exception {
        browser.signIn("clerk", "demo-pass");
        assertThat(find("h1").getText()).isEqualTo("Hồ sơ");
        assertAllControlsNamed();
        WebElement code = find("#code");
        dossierCode = code.getAttribute("value");
        assertThat(dossierCode).matches("000\\.00\\.30\\.H42-\\d{6}-\\d{4}");

        // a wrong code is refused with the field marked and what was typed kept
        code.clear();
        code.sendKeys("not-a-code");
        find("#procedureCode").sendKeys("2.000815.000.00.00.H38");
        find("#register-dossier button[type=submit]").click();
        WebElement alert = browser.visible("#register-dossier [role=alert]");
        assertThat(alert.getText()).isNotBlank();
        assertThat(code.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#procedureCode").getAttribute("value")).isEqualTo("2.000815.000.00.00.H38");
        browser.screenshot("desk-1-refused-code");

        // the applicant (optional): a personal identification number of 11 digits is refused, naming its field
        code.clear();
        code.sendKeys(dossierCode);
        find("#applicant-fullName").sendKeys(APPLICANT);
        WebElement applicantId = find("#applicant-idNumber");
        applicantId.sendKeys("04819000012");
        find("#register-dossier button[type=submit]").click();
        browser.waitUntil(Duration.ofSeconds(10), () -> "true".equals(applicantId.getAttribute("aria-invalid")));
        assertThat(find("#register-dossier [role=alert]").getText()).contains("12 chữ số");
        assertThat(find("#applicant-fullName").getAttribute("value")).isEqualTo(APPLICANT);
        applicantId.clear();
        applicantId.sendKeys(APPLICANT_ID);
        find("#register-dossier button[type=submit]").click();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.driver.getCurrentUrl().contains("/dossiers/"));
        assertThat(find("h1").getText()).contains(dossierCode);
        assertThat(find("#applicant").getText()).contains(APPLICANT).contains(APPLICANT_ID);
        assertAllControlsNamed();

        // the applicant also brought a foreign paper without consular legalisation: refused at intake, in writing
        find("#refusals details summary").click();
        assertThat(find("#intake-refusal #requester-fullName").getAttribute("value")).isEqualTo(APPLICANT);
        find("#intake-refusal button[type=submit]").click();
        browser.waitUntil(Duration.ofSeconds(10), () -> "true".equals(find("#refusal-paperTitle")
                .getAttribute("aria-invalid")));
        find("#refusal-paperTitle").sendKeys("Bằng lái xe nước ngoài");
        new Select(find("#intake-reason")).selectByValue("FOREIGN_NOT_LEGALISED");
        find("#intake-refusal button[type=submit]").click();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.all("#refusal-list li").size() == 1);
        assertThat(find("#refusal-list li").getText()).contains("Bằng lái xe nước ngoài")
                .contains("chưa hợp pháp hóa lãnh sự");
        byte[] notice = downloadInBrowser(find("#refusal-list li a").getAttribute("href"));
        String noticeText;
        try (var pdf = Loader.loadPDF(notice)) {
            noticeText = new PDFTextStripper().getText(pdf);
        }
        assertThat(noticeText).contains("THÔNG BÁO", "Kính gửi: " + APPLICANT, "Bằng lái xe nước ngoài",
                "khoản 5 Điều 22", "Trần Thị Lan");
        browser.screenshot("desk-1b-refused-at-intake");

        find("#title").sendKeys(TITLE);
        Path upright = SharedCorpus.corpus("clean/a01.png");
        Path upsideDown = SharedCorpus.corpus("scans/s04_a04_upside-down_rot180_300dpi.jpg");
        find("#files").sendKeys(upright.toAbsolutePath() + "\n" + upsideDown.toAbsolutePath());
        assertThat(browser.all("#file-list li")).hasSize(2);
        // while the clerk goes on, the first scan is read: the paper's kind and the applicant's number filled in,
        // marked for the clerk to check
        browser.waitUntil(Duration.ofSeconds(60), () -> find("#preview-note").getText().startsWith("Đã điền sẵn"));
        assertThat(find("#citizenId").getAttribute("value")).isEqualTo("049191004527");
        assertThat(find("#paperType").getAttribute("value")).isEqualTo("APPLICATION_FORM");
        assertThat(find("#citizenId").getAttribute("class")).contains("prefilled");
        assertThat(find("#upload-form details").getAttribute("open")).isNotNull();
        // a file dropped on the drop zone joins the list; its ✕ takes it out again
        browser.driver.executeScript("""
                const transfer = new DataTransfer();
                transfer.items.add(new File([new Uint8Array([137, 80, 78, 71])], 'dropped.png', {type: 'image/png'}));
                document.getElementById('dropzone').dispatchEvent(
                  new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));""");
        assertThat(browser.all("#file-list li")).hasSize(3);
        assertThat(browser.all("#file-list li").get(2).getText()).contains("dropped.png");
        find("#file-list li:nth-child(3) button").click();
        assertThat(browser.all("#file-list li")).hasSize(2);
        browser.screenshot("desk-2-files-chosen");
        find("#upload-form button[value=draft]").click();
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.driver.getCurrentUrl().contains("/documents/"));
        documentPath = URI.create(browser.driver.getCurrentUrl()).getPath();
        assertThat(find("#status").getText()).isEqualTo("Bản nháp – chờ sắp xếp trang");
    }

    @Test
    @Order(2)
    void theClerkTurnsAndReordersTheDraftsPagesFollowsRecognitionAndReadsTheText() throws Exception {
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.all("#thumbnails li").size() == 2
                && (Boolean) browser.driver.executeScript("return Array.from(document.querySelectorAll("
                + "'#thumbnails img')).every(i => i.complete && i.naturalWidth > 0)"));
        assertAllControlsNamed();
        // page 2 (upside down) is turned twice to the right, then moved up and back below the upright page
        find("#thumbnails li:nth-child(2) button[aria-label^='Xoay phải']").click();
        find("#thumbnails li:nth-child(2) button[aria-label^='Xoay phải']").click();
        find("#thumbnails li:nth-child(2) button[aria-label^='Chuyển lên']").click();
        assertThat(find("#thumbnails li:nth-child(1) .caption").getText()).contains("180");
        find("#thumbnails li:nth-child(1) button[aria-label^='Chuyển xuống']").click();
        assertThat(find("#thumbnails li:nth-child(2) .caption").getText()).contains("180");
        browser.screenshot("desk-3-arranged");
        find("#submit-draft").click();

        // live progress, then the document digitized
        browser.waitUntil(Duration.ofSeconds(120), () -> "Đã số hóa".equals(find("#status").getText()));
        assertThat(find("#page-count").getText()).isEqualTo("2 trang");
        browser.waitUntil(Duration.ofSeconds(20), () -> (Boolean) browser.driver.executeScript(
                "const s = document.getElementById('scan-image'), p = document.getElementById('pdf-image');"
                        + "return s.complete && s.naturalWidth > 0 && p.complete && p.naturalWidth > 0;"));
        browser.waitUntil(Duration.ofSeconds(10), () -> !find("#page-text").getText().isBlank());
        String groundTruth = Files.readString(SharedCorpus.corpus("gt/a01.txt"), StandardCharsets.UTF_8);
        assertThat(Cer.of(groundTruth, find("#page-text").getText())).isLessThan(0.05);
        // "ĐỀ NGHỊ", "Số CCCD" drawn by fonts that have every precomposed letter of the text: a font without Ề
        // (DejaVu Sans Mono, a <pre>'s default) makes the browser draw Ê and a combining grave apart ("ĐÊ`NGHỊ")
        String recognised = find("#page-text").getText();
        assertThat(recognised).contains("ĐỀ NGHỊ");
        String letters = recognised.codePoints().filter(c -> c > 0x7F && Character.isLetter(c)).distinct()
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        List<String> fonts = browser.fontsDrawing("#page-text");
        assertThat(fonts).as("fonts drawing the recognised text").isNotEmpty();
        for (String family : fonts) {
            Font font = new Font(family, Font.PLAIN, 12);
            assertThat(font.getFamily(Locale.ROOT)).as("installed: " + family).isEqualTo(family);
            assertThat(font.canDisplayUpTo(letters)).as(family + " has every letter of " + letters).isEqualTo(-1);
        }
        new Select(find("#compare-page")).selectByValue("2");
        String turnedTruth = Files.readString(SharedCorpus.corpus("gt/a04.txt"), StandardCharsets.UTF_8);
        browser.waitUntil(Duration.ofSeconds(10), () -> Cer.of(turnedTruth, find("#page-text").getText()) < 0.05);
        // what was read from the paper, offered to the clerk to confirm: the applicant's identification number
        assertThat(find("#paper-type-read").getText()).isEqualTo("Đơn, tờ khai / Application form");
        assertThat(find("#paper-fields tr[data-field=CITIZEN_ID] td").getText()).isEqualTo("049191004527");
        assertThat(find("#identity-citizenId").getAttribute("value")).isEqualTo("049191004527");
        assertThat(find("#identity-paperType").getAttribute("value")).isEqualTo("APPLICATION_FORM");
        assertAllControlsNamed();
        browser.screenshot("desk-4-digitized-side-by-side");

        // the same page in English, then back
        browser.driver.findElement(By.linkText("English")).click();
        browser.waitUntil(Duration.ofSeconds(10), () -> "Digitized".equals(find("#status").getText()));
        assertThat(find("#compare-title").getText()).isEqualTo("Scan and PDF/A side by side");
        browser.screenshot("desk-5-english");
        browser.driver.findElement(By.linkText("Tiếng Việt")).click();
        browser.waitUntil(Duration.ofSeconds(10), () -> "Đã số hóa".equals(find("#status").getText()));

        // page 2 rescanned from its clean original: the paper is recognised again, page 2 reads the same
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.all("#thumbnails li button").size() == 2);
        find("#thumbnails li:nth-child(2) button").click();
        // the file chooser the button opens is the browser's own: the test hands the file to its input
        browser.driver.executeScript("document.getElementById('rescan-file').hidden = false; window.sohoaBefore = 1;");
        find("#rescan-file").sendKeys(SharedCorpus.corpus("clean/a04.png").toAbsolutePath().toString());
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.driver.executeScript(
                "return window.sohoaBefore === undefined") == Boolean.TRUE);
        browser.waitUntil(Duration.ofSeconds(120), () -> "Đã số hóa".equals(find("#status").getText())
                && !find("#page-text").getText().isBlank());
        new Select(find("#compare-page")).selectByValue("2");
        browser.waitUntil(Duration.ofSeconds(10), () -> Cer.of(turnedTruth, find("#page-text").getText()) < 0.05);
        assertThat(browser.all("#thumbnails li .caption").get(1).getText()).isEqualTo("Trang 2");
    }

    @Test
    @Order(3)
    void aCutOffPageIsFlaggedForRescanWhileTheCitizenIsStillAtTheDesk() throws Exception {
        // the sheet was placed off the glass: the text of its left side runs past the edge
        BufferedImage clean = ImageIO.read(SharedCorpus.corpus("clean/a03.png").toFile());
        Path cutOff = Files.createTempFile("cut-off-", ".png");
        ImageIO.write(ScanDefects.make(clean, 300, ScanDefects.Defect.CUT_OFF, 3).image(), "png", cutOff.toFile());
        browser.open("/dossiers/" + dossierCode);
        find("#title").sendKeys("Quyết định (quét lệch)");
        find("#files").sendKeys(cutOff.toAbsolutePath().toString());
        find("#upload-form button[value=draft]").click();
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.driver.getCurrentUrl().contains("/documents/")
                && !browser.driver.getCurrentUrl().endsWith(documentPath));
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.all("#thumbnails li .quality").size() == 1);
        WebElement verdict = find("#thumbnails li:nth-child(1) .quality");
        assertThat(verdict.getAttribute("data-verdict")).isEqualTo("RESCAN");
        assertThat(verdict.getText()).contains("Cần quét lại").contains("trang bị cắt mất lề");
        assertThat(find("#thumbnails li:nth-child(1) .quality li").getAttribute("data-reason")).isEqualTo("CUT_OFF");
        WebElement rescan = find("#thumbnails li:nth-child(1) button.rescan");
        assertThat(rescan.getAttribute("aria-label")).isEqualTo("Quét lại Trang 1");
        assertAllControlsNamed();
        browser.screenshot("desk-3b-cut-off-page-flagged");

        // rescanned at once from the whole sheet: the page's verdict is good
        rescan.click();
        browser.driver.executeScript("document.getElementById('rescan-file').hidden = false; window.sohoaBefore = 1;");
        find("#rescan-file").sendKeys(SharedCorpus.corpus("clean/a03.png").toAbsolutePath().toString());
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.driver.executeScript(
                "return window.sohoaBefore === undefined") == Boolean.TRUE);
        browser.waitUntil(Duration.ofSeconds(20), () -> "OK".equals(
                find("#thumbnails li:nth-child(1) .quality").getAttribute("data-verdict")));
        assertThat(find("#thumbnails li:nth-child(1) .quality").getText()).isEqualTo("Bản quét đạt");
        Files.delete(cutOff);
    }

    @Test
    @Order(4)
    void aScanningStationsHotFolderFeedsTheDossierAndRefusesAFileForAnUnknownOne() throws Exception {
        Path station = hotFolder.resolve("may-quet-1");
        Files.createDirectories(station.resolve(dossierCode));
        // a born-digital PDF: the hot folder's take is what this step shows, recognition has its own steps
        Files.copy(SharedCorpus.corpus("src/a02.pdf"), station.resolve(dossierCode).resolve("Giay_xac_nhan.pdf"));
        Files.copy(SharedCorpus.corpus("src/a04.pdf"), station.resolve(dossierCode).resolve("Giay_uy_quyen.pdf"));
        Files.createDirectories(station.resolve("000.00.30.H42-990101-0001"));
        Files.copy(SharedCorpus.corpus("clean/a03.png"),
                station.resolve("000.00.30.H42-990101-0001").resolve("Lac_ho_so.png"));

        // a station nobody declared for an agency takes nothing, whatever dossier it names
        Files.createDirectories(hotFolder.resolve("may-quet-la").resolve(dossierCode));
        Files.copy(SharedCorpus.corpus("clean/a03.png"),
                hotFolder.resolve("may-quet-la").resolve(dossierCode).resolve("Giay_la.png"));

        browser.open("/dossiers/" + dossierCode);
        browser.waitUntil(Duration.ofSeconds(60), () -> {
            browser.driver.navigate().refresh();
            return browser.all("#documents th a").stream().map(WebElement::getText).toList()
                    .containsAll(List.of("Giay xac nhan", "Giay uy quyen"));
        });
        // the dossier list finds it by part of its code, with both papers
        browser.open("/?q=" + dossierCode.substring(dossierCode.length() - 11));
        assertThat(browser.all("#dossier-list tbody tr")).hasSize(1);
        // digitized of four: step 1's paper, step 3's draft and the two taken here
        assertThat(find("#dossier-list tbody tr td:last-child").getText()).matches("[0-4]/4");
        browser.open("/scanners");
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.all("#rejections tbody tr").stream()
                .anyMatch(row -> row.getText().contains("Lac_ho_so.png") && row.getText().contains("chưa được tiếp nhận")));
        browser.waitUntil(Duration.ofSeconds(20), () -> {
            browser.driver.navigate().refresh();
            return browser.all("#rejections tbody tr").stream().anyMatch(row -> row.getText().contains("Giay_la.png")
                    && row.getText().contains("chưa được khai báo"));
        });
        browser.open("/dossiers/" + dossierCode);
        assertThat(browser.all("#documents th a").stream().map(WebElement::getText).toList())
                .doesNotContain("Giay la");
        browser.open("/scanners");
        // the stations' table is filled by the page's script from the API: wait for it
        browser.waitUntil(Duration.ofSeconds(10), () -> find("#stations tbody").getText().contains("may-quet-1"));
        assertThat(Files.list(station.resolve("_rejected")).map(p -> p.getFileName().toString()).toList())
                .anySatisfy(name -> assertThat(name).endsWith("Lac_ho_so.png.reason.txt"));
        assertThat(Files.list(station.resolve(dossierCode)).toList()).as("taken files leave the folder").isEmpty();
        assertAllControlsNamed();
        browser.screenshot("desk-6-scanners");
        browser.signOut();
    }

    @Test
    @Order(5)
    void theCertifierCertifiesFromTheQueueAndTheDownloadedCopyVerifies() throws Exception {
        browser.signIn("certifier", "demo-pass");
        browser.driver.findElement(By.linkText("Chứng thực")).click();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.driver.getCurrentUrl().endsWith("/certify"));
        assertAllControlsNamed();
        browser.driver.findElement(By.linkText(TITLE)).click();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.driver.getCurrentUrl().endsWith(documentPath));
        // the certifier sees the scan-quality verdict of each page too
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.all("#thumbnails .quality").size() == 2);
        assertThat(browser.all("#thumbnails .quality-ok")).hasSize(2);
        browser.waitUntil(Duration.ofSeconds(20), () -> (Boolean) browser.driver.executeScript(
                "const s = document.getElementById('scan-image'), p = document.getElementById('pdf-image');"
                        + "return s.complete && s.naturalWidth > 0 && p.complete && p.naturalWidth > 0;"));
        assertAllControlsNamed();

        // the requester is pre-filled from the dossier's applicant, and can be corrected
        assertThat(find("#requester-fullName").getAttribute("value")).isEqualTo(APPLICANT);
        assertThat(find("#requester-idNumber").getAttribute("value")).isEqualTo(APPLICANT_ID);
        find("#requester-email").sendKeys("not-an-address");
        find("#certify-form button[type=submit]").click();
        browser.visible("#confirm-certify");
        find("#confirm-yes").click();
        browser.waitUntil(Duration.ofSeconds(10),
                () -> "true".equals(find("#requester-email").getAttribute("aria-invalid")));
        assertThat(find("#certify-form [role=alert]").getText()).contains("thư điện tử");
        assertThat(browser.all("#copies-list li")).as("a refused request takes no number").isEmpty();
        find("#requester-email").clear();
        find("#requester-email").sendKeys("dan@example.org");
        // the server holds his key; his own signing PIN releases it
        find("#signingPin").sendKeys("demo-pass");

        // nothing happens without the confirmation
        find("#certify-form button[type=submit]").click();
        WebElement dialog = browser.visible("#confirm-certify");
        assertThat(dialog.getText()).contains(TITLE).contains("2 trang").contains(APPLICANT);
        browser.screenshot("desk-7-confirm");
        find("#confirm-no").click();
        assertThat(browser.all("#copies-list li")).isEmpty();
        find("#certify-form button[type=submit]").click();
        browser.visible("#confirm-certify");
        find("#confirm-yes").click();
        WebElement result = browser.visible("#certified-result");
        assertThat(result.getText()).startsWith("Đã chứng thực: số");
        browser.screenshot("desk-8-certified");

        // the requester's receipt, printable at the desk
        byte[] receipt = downloadInBrowser(find("#copies-list a.copy-receipt").getAttribute("href"));
        try (var printed = Loader.loadPDF(receipt)) {
            assertThat(new PDFTextStripper().getText(printed)).contains("BIÊN NHẬN", APPLICANT, TITLE, "Tổng lệ phí");
        }

        // the copy as the browser downloads it, judged by the service's verifier and by EU DSS
        String href = find("#copies-list a.copy-download").getAttribute("href");
        byte[] copy = downloadInBrowser(href);
        assertThat(new String(copy, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        JsonNode verdict = verify(copy);
        assertThat(verdict.get("valid").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("signatures")).hasSize(2);
        var dss = DssJudge.validate(copy, devRoot(), clock.instant()).getSimpleReport();
        assertThat(dss.getSignatureIdList()).hasSize(2);
        for (String id : dss.getSignatureIdList()) {
            assertThat(dss.getIndication(id)).as("%s: %s", id, dss.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
        }

        // a second copy signed with the certifier's own token in two steps: the page shows the data to sign, the
        // token (a key the test holds) signs it, the signature pasted back completes the copy
        var token = developmentPki.issueOrLoad("usb-token-certifier.p12", "Nguyễn Văn An", "UBND xã Hòa Phong",
                DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        // his token's certificate is enrolled for him (the enrolment's API has its own end-to-end test)
        enrolled.enrol(users.find("certifier").orElseThrow(), "certifier",
                Base64.getEncoder().encodeToString(token.certificate().getEncoded()), true);
        find("input[name=method][value=external]").click();
        find("#chain").sendKeys(pem(token.certificate()) + pem(token.chain().get(1)));
        find("#certify-form button[type=submit]").click();
        browser.visible("#confirm-certify");
        find("#confirm-yes").click();
        WebElement dataToSign = browser.visible("#data-to-sign");
        browser.waitUntil(Duration.ofSeconds(20), () -> !dataToSign.getAttribute("value").isBlank());
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(token.privateKey());
        rsa.update(Base64.getDecoder().decode(dataToSign.getAttribute("value")));
        find("#signature-value").sendKeys(Base64.getEncoder().encodeToString(rsa.sign()));
        browser.screenshot("desk-8b-external-step2");
        find("#complete-external").click();
        browser.waitUntil(Duration.ofSeconds(30), () -> browser.all("#copies-list a.copy-download").size() == 2);
        String second = find("#copies-list li:nth-child(2) a.copy-download").getAttribute("href");
        byte[] tokenCopy = downloadInBrowser(second);
        JsonNode tokenVerdict = verify(tokenCopy);
        assertThat(tokenVerdict.get("valid").asBoolean()).as(tokenVerdict.toString()).isTrue();
        assertThat(tokenVerdict.toString()).contains("Nguyễn Văn An");

        // a third copy in one click with the USB token through sohoa-signer: first without the agent running
        find("input[name=method][value=token]").click();
        find("#certify-form button[type=submit]").click();
        browser.visible("#confirm-certify");
        find("#confirm-yes").click();
        browser.waitUntil(Duration.ofSeconds(20), () -> find("#certify-form [role=alert]").getText()
                .contains("sohoa-signer"));
        // the officer's token (SoftHSM2), its certificate enrolled for him, and the agent on his computer
        SoftHsm.Token usb = SoftHsm.token("sohoa-signer");
        var hsm = Pkcs11Token.open(usb.module(), Pkcs11Token.Slot.id(usb.slotId()), SoftHsm.PIN.toCharArray());
        // an EC P-256 key, as newer tokens carry (RSA from a token is the paste-back path above)
        KeyPair officer = hsm.generateEcKeyPair("secp256r1");
        var officerCertificate = developmentPki.issueCertificate(officer.getPublic(), "Nguyễn Văn An",
                "UBND xã Hòa Phong", DevelopmentPki.Purpose.PERSONAL_SIGNATURE);
        hsm.storeChain("officer-an", officer.getPrivate(), List.of(officerCertificate,
                developmentPki.rootCertificate()));
        enrolled.enrol(users.find("certifier").orElseThrow(), "certifier",
                Base64.getEncoder().encodeToString(officerCertificate.getEncoded()), true);
        List<UserConsent.SigningSummary> shown = new CopyOnWriteArrayList<>();
        AtomicBoolean officerSigns = new AtomicBoolean(false);
        AtomicInteger answers = new AtomicInteger();
        try (var agent = new SigningAgent(AGENT_PORT, Set.of("http://127.0.0.1:" + PORT),
                new Pkcs11TokenAccess(usb.module(), usb.slotId(),
                        prompt -> SoftHsm.PIN.toCharArray(), Duration.ofMinutes(5),
                        Clock.systemUTC()),
                new UserConsent() {
                    @Override
                    public boolean allowPairing(String origin) {
                        return true;
                    }

                    @Override
                    public boolean allowSignatures(List<SigningSummary> summaries) {
                        answers.incrementAndGet();
                        shown.addAll(summaries);
                        return officerSigns.get();
                    }
                })) {
            // the officer reads what he is asked to sign and says no: the page says so, the number is void
            find("#certify-form button[type=submit]").click();
            browser.visible("#confirm-certify");
            find("#confirm-yes").click();
            browser.waitUntil(Duration.ofSeconds(30), () -> find("#certify-form [role=alert]").getText()
                    .contains("Bạn đã từ chối ký"));
            assertThat(browser.all("#copies-list a.copy-download")).hasSize(2);
            // the number taken for it is void at once, with the reason
            long declined = shown.get(0).registerNumber();
            browser.waitUntil(Duration.ofSeconds(10), () -> jdbc.sql("select status from register_entries where "
                    + "register_number = ? and agency_code = '000.00.30.H42' order by register_year desc")
                    .param(declined).query(String.class).list().get(0).equals("VOID"));
            // the page told the service why: the officer declined (not that the token failed)
            assertThat(jdbc.sql("select void_reason from register_entries where register_number = ? and "
                    + "agency_code = '000.00.30.H42' order by register_year desc").param(declined).query(String.class)
                    .list().get(0)).contains("declined to sign");
            officerSigns.set(true);
            find("#certify-form button[type=submit]").click();
            browser.visible("#confirm-certify");
            find("#confirm-yes").click();
            browser.waitUntil(Duration.ofSeconds(30), () -> browser.all("#copies-list a.copy-download").size() == 3);
            assertThat(shown).hasSize(2);
            assertThat(shown.get(0).paperTitle()).isEqualTo(TITLE);
            assertThat(shown.get(0).dossierCode()).isEqualTo(dossierCode);
            byte[] usbCopy = downloadInBrowser(find("#copies-list li:nth-child(3) a.copy-download")
                    .getAttribute("href"));
            JsonNode usbVerdict = verify(usbCopy);
            assertThat(usbVerdict.get("valid").asBoolean()).as(usbVerdict.toString()).isTrue();
            assertCertifiedByTheOfficersToken(usbCopy);
            browser.screenshot("desk-8c-usb-token");

            // the rest of the queue in one pass: both papers the hot folder brought, one answer in the agent
            browser.driver.findElement(By.linkText("Chứng thực")).click();
            browser.waitUntil(Duration.ofSeconds(90), () -> {
                browser.driver.navigate().refresh();
                return browser.all("#queue input[name=paper]:not(:disabled)").size() == 2;
            });
            assertAllControlsNamed();
            assertThat(find("#queue").getText()).contains("Giay xac nhan").contains("Giay uy quyen")
                    .contains(APPLICANT);
            int answersBefore = answers.get();
            int shownBefore = shown.size();
            find("#select-all").click();
            find("#batch-sign").click();
            try {
                browser.waitUntil(Duration.ofSeconds(60), () -> browser.all("#queue .batch-result a.copy-download")
                        .size() == 2);
            } catch (TimeoutException e) {
                // what the page said about each paper, and what the agent was asked, for the one reading the failure
                throw new AssertionError("the batch did not finish; the queue shows: " + find("#queue").getText()
                        + "; the agent was asked " + (answers.get() - answersBefore) + " time(s)", e);
            }
            assertThat(answers.get() - answersBefore).as("one answer for the batch").isEqualTo(1);
            assertThat(shown.subList(shownBefore, shown.size())).extracting(
                    UserConsent.SigningSummary::paperTitle)
                    .containsExactlyInAnyOrder("Giay xac nhan", "Giay uy quyen");
            assertThat(shown.subList(shownBefore, shown.size())).extracting(
                    UserConsent.SigningSummary::registerNumber).doesNotHaveDuplicates();
            browser.screenshot("desk-8d-queue-batch");
            byte[] batchCopy = downloadInBrowser(find("#queue .batch-result a.copy-download").getAttribute("href"));
            assertCertifiedByTheOfficersToken(batchCopy);
        }

        browser.driver.findElement(By.linkText("Sổ chứng thực")).click();
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.all("#register-entries tbody tr").stream()
                .anyMatch(row -> row.getText().contains(TITLE)));
        assertThat(browser.all("#register-entries tbody tr").stream().filter(row -> row.getText().contains(TITLE)))
                .as("each line names who asked").allMatch(row -> row.getText().contains(APPLICANT + " · CCCD "
                        + APPLICANT_ID));
        assertThat(find("#print-link").getAttribute("href")).contains("/export.pdf");
        assertAllControlsNamed();
        browser.screenshot("desk-9-register");
        browser.signOut();
    }

    @Test
    @Order(6)
    void theAdministratorSeesUsersAndKeysAndARefusedFormKeepsItsInput() throws Exception {
        browser.signIn("admin", "admin-pass");
        browser.open("/admin");
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.all("#user-list tbody tr").size() >= 4
                && !browser.all("#key-list tbody tr").isEmpty());
        assertThat(find("#key-list tbody").getText()).contains("Còn hiệu lực");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.all("#target-table input").stream()
                .anyMatch(input -> !input.getAttribute("value").isEmpty()));
        find("#nu-username").sendKeys("binh.le");
        find("#nu-fullName").sendKeys("Lê Văn Bình");
        find("#nu-password").sendKeys("short");
        find("#new-user button[type=submit]").click();
        browser.visible("#new-user [role=alert]");
        assertThat(find("#nu-password").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(find("#nu-fullName").getAttribute("value")).isEqualTo("Lê Văn Bình");
        assertAllControlsNamed();
        browser.screenshot("desk-10-admin");

        // the statement template's preview: the wording stamped on a blank page
        find("#nt-version").sendKeys("2027.1");
        find("#preview-template").click();
        browser.waitUntil(Duration.ofSeconds(20), () -> (Boolean) browser.driver.executeScript(
                "const i = document.getElementById('template-preview'); return !i.hidden && i.naturalWidth > 500;"));
        browser.screenshot("desk-11-template-preview");

        browser.open("/documents/" + UUID.randomUUID());
        assertThat(find("h1").getText()).isEqualTo("Không tìm thấy");

        // the administrator's password is temporary: the new clerk's first sign-in leads to choosing her own
        browser.open("/admin");
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.all("#user-list tbody tr").size() >= 4);
        find("#nu-username").clear();
        find("#nu-username").sendKeys("binh.le");
        find("#nu-fullName").clear();
        find("#nu-fullName").sendKeys("Lê Văn Bình");
        new Select(find("#nu-role")).selectByValue("CLERK");
        find("#nu-password").clear();
        find("#nu-password").sendKeys("binh-temporary-1");
        find("#new-user button[type=submit]").click();
        browser.waitUntil(Duration.ofSeconds(20), () -> browser.all("#user-list tbody tr").stream()
                .anyMatch(row -> row.getText().contains("binh.le")));
        browser.signOut();
        browser.signIn("binh.le", "binh-temporary-1");
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.driver.getCurrentUrl().endsWith("/password"));
        browser.open("/");
        assertThat(browser.driver.getCurrentUrl()).as("every page leads there first").endsWith("/password");
        find("#currentPassword").sendKeys("binh-temporary-1");
        find("#newPassword").sendKeys("binh-chooses-her-own");
        find("#password-form button[type=submit]").click();
        browser.waitUntil(Duration.ofSeconds(10), () -> !browser.driver.getCurrentUrl().endsWith("/password"));
        assertThat(find("h1").getText()).isEqualTo("Hồ sơ");
        browser.signOut();
    }

    /** A file fetched by the page itself, with its session, as the user's download gets it. */
    static byte[] downloadInBrowser(String href) {
        return Base64.getDecoder().decode((String) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(buffer => {
                  let binary = '';
                  new Uint8Array(buffer).forEach(b => { binary += String.fromCharCode(b); });
                  done(btoa(binary));
                });""", href));
    }

    /** EU DSS, not our own verifier: the certifier's signature by the token's key, the agency's, both LT or more. */
    void assertCertifiedByTheOfficersToken(byte[] copy) throws Exception {
        var report = DssJudge.validate(copy, devRoot(), clock.instant()).getSimpleReport();
        assertThat(report.getSignatureIdList()).hasSize(2);
        assertThat(report.getSignedBy(report.getSignatureIdList().get(0))).contains("Nguyễn Văn An");
        for (String id : report.getSignatureIdList()) {
            assertThat(report.getIndication(id)).as("%s: %s", id, report.getSubIndication(id))
                    .isEqualTo(Indication.TOTAL_PASSED);
            assertThat(report.getSignatureFormat(id)).isIn(SignatureLevel.PAdES_BASELINE_LT,
                    SignatureLevel.PAdES_BASELINE_LTA);
        }
    }

    static JsonNode verify(byte[] pdf) throws IOException, InterruptedException {
        String boundary = "sohoa-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"copy.pdf\""
                + "\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pdf);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String certifier = "Basic " + Base64.getEncoder().encodeToString(
                "certifier:demo-pass".getBytes(StandardCharsets.UTF_8));
        // a POST with a password carries the user's CSRF token, as the API documentation says
        String csrf = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(browser.url("/api/v1/csrf"))).header("Authorization", certifier).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body()).get("token").asString();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(browser.url("/api/v1/verifications")))
                .header("Authorization", certifier)
                .header("X-CSRF-TOKEN", csrf)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonMapper.builder().build().readTree(response.body());
    }

    @Autowired
    Clock clock;
    @Autowired
    SohoaProperties properties;
    @Autowired
    DevelopmentPki developmentPki;
    @Autowired
    CertifierCertificates enrolled;
    @Autowired
    UserRepository users;
    @Autowired
    JdbcClient jdbc;

    static String pem(X509Certificate certificate) throws Exception {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded()) + "\n-----END CERTIFICATE-----\n";
    }

    X509Certificate devRoot() throws Exception {
        try (var in = Files.newInputStream(properties.home().resolve("pki/dev-root-ca.pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        }
    }

    /** Waits until {@code expected} charts are drawn: each canvas has pixels that are not transparent. */
    long drawnCharts(long expected) {
        return (Long) new WebDriverWait(browser.driver, Duration.ofSeconds(20)).until(d -> {
            Object drawn = browser.driver.executeScript("""
                    if (!window.sohoaCharts) { return null; }
                    return window.sohoaCharts.filter(c => {
                      const data = c.canvas.getContext('2d').getImageData(0, 0, c.canvas.width, c.canvas.height).data;
                      for (let i = 3; i < data.length; i += 4) { if (data[i] !== 0) { return true; } }
                      return false;
                    }).length;""");
            return drawn instanceof Long count && count == expected ? count : null;
        });
    }

    @Test
    @Order(0) // before the administrator changes passwords (Order 6)
    void theSupervisorSeesTheDemoProvinceAgainstTargetsAndDrillsDownToACommune() throws Exception {
        browser.signIn("supervisor", "demo-pass");
        // the service's year: it lives on ServiceTime.START and made its 18 months of demo facts up to that month
        String year = String.valueOf(ServiceTime.MONTH.getYear());
        browser.driver.get("http://127.0.0.1:" + PORT + "/statistics?period=" + year);
        assertThat(browser.driver.getTitle()).contains("Thành phố Đà Nẵng (demo)");
        assertThat(drawnCharts(2)).isEqualTo(2);
        browser.screenshot("dashboard-province");

        List<WebElement> units = browser.driver.findElements(By.cssSelector("#children tbody tr"));
        assertThat(units).extracting(WebElement::getText).anySatisfy(text -> assertThat(text)
                .startsWith("Xã Hòa Phong (demo)"));
        assertThat(units).hasSize(5); // the department and the four communes of the two-level government
        List<String> levels = browser.driver.findElements(By.cssSelector("#levels tbody th")).stream()
                .map(WebElement::getText).toList();
        assertThat(levels).contains("Tổng", "Cấp xã", "Cấp sở, ngành");
        // every target cell says met or not met
        assertThat(browser.driver.findElements(By.cssSelector("#levels td.met, #levels td.missed"))).isNotEmpty();

        // the page shows the API's figures
        JsonNode api = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/api/v1/statistics/indicators?period=" + year))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo-pass"
                        .getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String received = api.get("total").get("figures").get("received").asString();
        WebElement total = browser.driver.findElement(By.cssSelector("#levels tr.total"));
        assertThat(total.findElements(By.tagName("td")).get(1).getText()).isEqualTo(received);

        browser.driver.findElement(By.linkText("Xã Hòa Phong (demo)")).click();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.driver.getTitle().contains("Xã Hòa Phong"));
        // a commune has no subordinate units: the trend chart only
        assertThat(drawnCharts(1)).isEqualTo(1);
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).contains("000.00.30.H42");
        browser.screenshot("dashboard-commune");

        Object csv = browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('a[href*="export.csv"]').href).then(r => r.text()).then(done);""");
        assertThat(csv.toString()).contains("Xã Hòa Phong (demo)").contains("Số hóa hồ sơ");
        assertThat(browser.unnamedControls()).isEmpty();

        // the same dashboard in English
        browser.driver.findElement(By.linkText("English")).click();
        browser.waitUntil(Duration.ofSeconds(10),
                () -> browser.driver.getTitle().startsWith("Digitization indicators"));
        assertThat(browser.driver.findElement(By.cssSelector("#levels tr.total th")).getText()).isEqualTo("Total");
        assertThat(drawnCharts(1)).isEqualTo(1);
        browser.driver.findElement(By.linkText("Tiếng Việt")).click();
        browser.waitUntil(Duration.ofSeconds(10), () -> browser.driver.getTitle().startsWith("Chỉ số số hóa"));
    }
}
