package vn.sohoa.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.sohoa.testkit.Chromium;
import vn.sohoa.testkit.FreePort;

/**
 * Headless Chromium against a Sohoa on a local port, as the browser tests drive it: sign in and out through the
 * forms, open pages, wait for what a user waits for, keep screenshots in {@code app/target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final ChromeDriver driver;
    final int port;

    Browser(String purpose, int port) throws IOException {
        this.driver = Chromium.start(purpose);
        this.port = port;
        Files.createDirectories(SCREENSHOTS);
    }

    static int freePort() {
        return FreePort.pick();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void open(String path) {
        driver.get(url(path));
    }

    void signIn(String user, String password) {
        open("/login");
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(Duration.ofSeconds(10), () -> !driver.getCurrentUrl().contains("/login"));
    }

    void signOut() {
        driver.findElement(By.cssSelector("header form button[type=submit]")).click();
        waitUntil(Duration.ofSeconds(10), () -> driver.getCurrentUrl().contains("/login"));
    }

    WebElement visible(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(20))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits for the condition; on a timeout keeps a screenshot of what the page showed instead. */
    void waitUntil(Duration timeout, BooleanSupplier condition) {
        try {
            // a page that reloads while it is read (the document page does when recognition ends) is read again
            new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(200))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(NoSuchElementException.class)
                    .until(d -> condition.getAsBoolean());
        } catch (TimeoutException e) {
            try {
                screenshot("timeout-" + System.currentTimeMillis());
            } catch (IOException ignored) {
                // the timeout is the failure to report, not the missing picture
            }
            throw e;
        }
    }

    void screenshot(String name) throws IOException {
        Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    /**
     * Controls a screen reader could not name: visible inputs, selects, text areas and buttons without a label, an
     * aria-label or text, and images without alt. Each is described by its tag and id or name.
     */
    @SuppressWarnings("unchecked")
    List<String> unnamedControls() {
        return (List<String>) driver.executeScript("""
                const unnamed = [];
                const shown = e => e.offsetParent !== null || e.getClientRects().length > 0;
                document.querySelectorAll('input:not([type=hidden]), select, textarea, button, img').forEach(e => {
                  if (!shown(e)) { return; }
                  let named;
                  if (e.tagName === 'IMG') { named = e.hasAttribute('alt'); }
                  else if (e.tagName === 'BUTTON') { named = e.textContent.trim() || e.getAttribute('aria-label'); }
                  else { named = e.getAttribute('aria-label') || (e.labels && e.labels.length > 0); }
                  if (!named) { unnamed.push(e.tagName + '#' + (e.id || e.name || '?')); }
                });
                return unnamed;""");
    }

    /**
     * The fonts Chromium really drew the element's text with, as its DevTools report them (CSS.getPlatformFontsForNode
     * of the element's text node): more than one family means some letters fell back to another font.
     */
    @SuppressWarnings("unchecked")
    List<String> fontsDrawing(String css) {
        driver.executeCdpCommand("DOM.enable", Map.of());
        driver.executeCdpCommand("CSS.enable", Map.of());
        Map<String, Object> root = (Map<String, Object>) driver.executeCdpCommand("DOM.getDocument", Map.of()).get("root");
        Object element = driver.executeCdpCommand("DOM.querySelector",
                Map.of("nodeId", root.get("nodeId"), "selector", css)).get("nodeId");
        List<Map<String, Object>> fonts = (List<Map<String, Object>>) driver.executeCdpCommand(
                "CSS.getPlatformFontsForNode", Map.of("nodeId", element)).get("fonts");
        return fonts.stream().map(font -> (String) font.get("familyName")).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
