package dev.weft.reports.browser;

import dev.weft.reports.testing.ExternalTools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium, driven through its chromedriver. Both are found as {@link ExternalTools} finds
 * programs ({@code WEFT_CHROMIUM} / {@code WEFT_CHROMEDRIVER} or {@code -Dweft.chromium} /
 * {@code -Dweft.chromedriver}, then {@code chromium}, {@code chromium-browser}, {@code google-chrome} …
 * on the PATH, then the usual install places) and given to Selenium explicitly, so Selenium Manager
 * is skipped and nothing is ever downloaded.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final Path profile;

    private Browser(WebDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Null when a browser and its driver are here, else why not (see {@link ExternalTools#check}: under
     * {@code CI=true} this fails the caller instead).
     */
    public static String unavailable() {
        return ExternalTools.check("browser tests", ExternalTools.chromium(), ExternalTools.chromedriver());
    }

    /** Skips the calling test, loudly, when {@link #unavailable()} says why; fails it under {@code CI=true}. */
    public static void assumeAvailable() {
        ExternalTools.require("browser tests", ExternalTools.chromium(), ExternalTools.chromedriver());
    }

    /** Starts a fresh headless browser with its own profile, {@code width} x {@code height} pixels. */
    public static Browser open(int width, int height) throws IOException {
        ExternalTools.Found chromium = ExternalTools.chromium();
        ExternalTools.Found chromedriver = ExternalTools.chromedriver();
        if (!chromium.present() || !chromedriver.present()) {
            throw new IllegalStateException("no browser to open: " + (chromium.present() ? "" : chromium.problem() + " ")
                    + (chromedriver.present() ? "" : chromedriver.problem()));
        }
        // the driver is named below, so DriverFinder skips Selenium Manager; this property says the same
        System.setProperty("webdriver.chrome.driver", chromedriver.path().toString());
        Path profile = Files.createTempDirectory("weft-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.path().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.path().toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a report and waits until its script has drawn it and counted its aggregates. */
    public void load(Path html) {
        driver.get(html.toUri().toString());
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> Boolean.TRUE.equals(js(
                "return !!(window.weft && (window.weft.state.empty || (window.weft.aggregatesReady && window.weft.aggregatesReady())))")));
    }

    /** Runs {@code script} in the page (use {@code return} for a value; arguments as {@code arguments[i]}). */
    public Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public long number(String script, Object... args) {
        return ((Number) js(script, args)).longValue();
    }

    public double decimal(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String script, Object... args) {
        return (Map<String, Object>) js(script, args);
    }

    /** Console messages and page errors at level SEVERE since the last call (read once, then cleared). */
    public List<String> errors() {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue()) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    public void screenshot(Path png) throws IOException {
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** Saves what the page shows as {@code name} in the build's folder of screenshots ({@code weft.browser.out}). */
    public void screenshot(String name) throws IOException {
        screenshot(Path.of(System.getProperty("weft.browser.out", "target/browser")).resolve(name));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
