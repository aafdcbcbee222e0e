package vn.sohoa.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.sohoa.app.ServiceTime;
import vn.sohoa.testkit.Chromium;

/**
 * The supervisor's dashboard in a real browser (Debian's headless Chromium) against the service on its embedded
 * defaults with the demo province: sign in through the login form, read the per-level and per-unit tables, see both
 * charts drawn, drill down to a commune, and find the same figures as the API gives. Screenshots are kept in
 * {@code app/target/screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DashboardBrowserTest {

    static final int PORT = Browser.freePort();
    static Browser session;
    static ChromeDriver browser;

    @DynamicPropertySource
    static void embeddedDefaults(DynamicPropertyRegistry registry) throws IOException {
        Path home = Files.createTempDirectory("sohoa-ui-");
        registry.add("server.port", () -> PORT);
        registry.add("sohoa.home", home::toString);
        registry.add("sohoa.public-base-url", () -> "http://127.0.0.1:" + PORT);
        registry.add("sohoa.bootstrap.admin-password", () -> "admin-pass");
        registry.add("sohoa.bootstrap.demo-password", () -> "demo-pass");
    }

    @BeforeAll
    static void startBrowser() throws IOException {
        session = new Browser("The dashboard browser test", PORT);
        browser = session.driver;
    }

    @AfterAll
    static void stopBrowser() {
        if (session != null) {
            session.close();
        }
    }

    void screenshot(String name) throws IOException {
        session.screenshot(name);
    }

    void signIn(String user, String password) {
        session.signIn(user, password);
    }

    /** Waits until {@code expected} charts are drawn: each canvas has pixels that are not transparent. */
    long drawnCharts(long expected) {
        return (Long) new WebDriverWait(browser, Duration.ofSeconds(20)).until(d -> {
            Object drawn = browser.executeScript("""
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
    void theSupervisorSeesTheDemoProvinceAgainstTargetsAndDrillsDownToACommune() throws Exception {
        signIn("supervisor", "demo-pass");
        // the service's year: it lives on ServiceTime.START and made its 18 months of demo facts up to that month
        String year = String.valueOf(ServiceTime.MONTH.getYear());
        browser.get("http://127.0.0.1:" + PORT + "/statistics?period=" + year);
        assertThat(browser.getTitle()).contains("Thành phố Đà Nẵng (demo)");
        assertThat(drawnCharts(2)).isEqualTo(2);
        screenshot("dashboard-province");

        List<WebElement> units = browser.findElements(By.cssSelector("#children tbody tr"));
        assertThat(units).extracting(WebElement::getText).anySatisfy(text -> assertThat(text)
                .startsWith("Xã Hòa Phong (demo)"));
        assertThat(units).hasSize(5); // the department and the four communes of the two-level government
        List<String> levels = browser.findElements(By.cssSelector("#levels tbody th")).stream()
                .map(WebElement::getText).toList();
        assertThat(levels).contains("Tổng", "Cấp xã", "Cấp sở, ngành");
        // every target cell says met or not met
        assertThat(browser.findElements(By.cssSelector("#levels td.met, #levels td.missed"))).isNotEmpty();

        // the page shows the API's figures
        JsonNode api = JsonMapper.builder().build().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORT + "/api/v1/statistics/indicators?period=" + year))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("supervisor:demo-pass"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        String received = api.get("total").get("figures").get("received").asString();
        WebElement total = browser.findElement(By.cssSelector("#levels tr.total"));
        assertThat(total.findElements(By.tagName("td")).get(1).getText()).isEqualTo(received);

        browser.findElement(By.linkText("Xã Hòa Phong (demo)")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().contains("Xã Hòa Phong"));
        // a commune has no subordinate units: the trend chart only
        assertThat(drawnCharts(1)).isEqualTo(1);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("000.00.30.H42");
        screenshot("dashboard-commune");

        Object csv = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(document.querySelector('a[href*="export.csv"]').href).then(r => r.text()).then(done);""");
        assertThat(csv.toString()).contains("Xã Hòa Phong (demo)").contains("Số hóa hồ sơ");
        assertThat(session.unnamedControls()).isEmpty();

        // the same dashboard in English
        browser.findElement(By.linkText("English")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Digitization indicators"));
        assertThat(browser.findElement(By.cssSelector("#levels tr.total th")).getText()).isEqualTo("Total");
        assertThat(drawnCharts(1)).isEqualTo(1);
        browser.findElement(By.linkText("Tiếng Việt")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(d -> d.getTitle().startsWith("Chỉ số số hóa"));
    }
}
