package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its chromium-driver: the console as a browser sees
 * it, scripts and charts included. The driver binary is named, so Selenium never tries to download one.
 */
public final class HeadlessChromium implements AutoCloseable {

    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Generous: CI's two cores are shared with other builds. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    public static HeadlessChromium start() {
        Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
                "chromium is not installed (apt-get install chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        return new HeadlessChromium(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Loads {@code url} and waits until the page and its deferred scripts have run. */
    public void open(String url) {
        driver.get(url);
        waitForPage();
    }

    /** Clicks what {@code target} finds, a link or a form's button, and waits for the page it leads to. */
    public void follow(By target) {
        leave(() -> driver.findElement(target).click());
    }

    /** Types {@code text} into the field {@code target} finds and presses Enter, as in a search box, and waits for the page it leads to. */
    public void submit(By target, String text) {
        leave(() -> driver.findElement(target).sendKeys(text, Keys.ENTER));
    }

    private void leave(Runnable action) {
        WebElement page = driver.findElement(By.tagName("html"));
        action.run();
        waiting(PATIENCE).until(ExpectedConditions.stalenessOf(page));
        waitForPage();
    }

    /** Fills in the console's login form, which the browser shows, as {@code user} and submits it. */
    public void logIn(String user, String password) {
        driver.findElement(By.name("username")).sendKeys(user);
        driver.findElement(By.name("password")).sendKeys(password);
        follow(By.cssSelector("button[type=submit]"));
    }

    private void waitForPage() {
        waiting(PATIENCE).until(browser -> "complete".equals(script("return document.readyState")));
    }

    /** Waits until the page's text holds {@code text}, as a script may put it there after the load. */
    public void waitForText(String text) {
        waiting(PATIENCE).withMessage(() -> "no '" + text + "' on " + driver.getCurrentUrl())
                .until(browser -> browser.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Runs {@code javascript} in the page (its {@code arguments} are {@code args}) and returns what it returns. */
    public Object script(String javascript, Object... args) {
        return driver.executeScript(javascript, args);
    }

    /** Waits up to {@code timeout} for whatever the page's scripts are to do. */
    public WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    public Path screenshot(String name) {
        try {
            Path file = Files.createDirectories(SCREENSHOTS).resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
