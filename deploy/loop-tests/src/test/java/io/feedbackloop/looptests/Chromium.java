package io.feedbackloop.looptests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Chromium from the operating system's packages ({@code chromium}, {@code chromium-driver}),
 * driven by Selenium without any driver download. A missing browser fails the test with the command
 * that installs it; only {@code -Dconsole.browser.skip=true} (a developer without root) skips, and
 * never on CI.
 */
final class Chromium {

    static final String BROWSER = System.getProperty("console.chromium", "/usr/bin/chromium");
    static final String DRIVER = System.getProperty("console.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** Checks the browser is there before anything expensive starts. */
    static void require() {
        boolean present = new File(BROWSER).canExecute() && new File(DRIVER).canExecute();
        if (!present && Boolean.getBoolean("console.browser.skip") && System.getenv("CI") == null) {
            Assumptions.abort("no chromium/chromedriver and -Dconsole.browser.skip=true: browser tests not run");
        }
        if (!present) {
            throw new IllegalStateException(BROWSER + " or " + DRIVER + " is missing: run ./test (it installs them) or "
                    + "apt-get install chromium chromium-driver");
        }
    }

    /** A fresh browser (its own profile: no cookies shared with another person's). */
    static WebDriver start(String language) {
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort().build();
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(BROWSER).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-features=Translate,OptimizationHints,MediaRouter", "--window-size=1366,1000",
                "--lang=" + language, "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** Saves what the page looks like now, as target/screenshots/{name}.png (full page height). */
    static void screenshot(WebDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Object height = ((org.openqa.selenium.JavascriptExecutor) driver)
                    .executeScript("return Math.min(document.documentElement.scrollHeight, 4000)");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, Math.max(800,
                    ((Number) height).intValue())));
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 1000));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
