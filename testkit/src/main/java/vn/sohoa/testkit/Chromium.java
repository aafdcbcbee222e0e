package vn.sohoa.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium driven through its chromedriver, for the tests that need a real browser. */
public final class Chromium {

    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A fresh browser with its own profile, 1366×768 like the one-stop desks' office screens. */
    public static ChromeDriver start(String purpose) throws IOException {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException(purpose + " needs Debian's chromium and chromium-driver "
                    + "(apt-get install chromium chromium-driver; ./sohoa test installs them)");
        }
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1366,768", "--lang=vi",
                "--user-data-dir=" + Files.createTempDirectory("sohoa-chromium-"));
        ChromeDriver browser = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build(), options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return browser;
    }
}
