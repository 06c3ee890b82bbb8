package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.filesync.history.RunCounters;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.settings.ConsoleRole;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.ConsoleServer;
import org.filesync.testing.HeadlessChromium;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.PastRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The console in Debian's headless chromium, bound beyond loopback so that it asks for a login:
 * thirty nights of three jobs, a real run from an FTP server whose listing holds a hostile name and
 * names no mirror may use, and a real run that failed to connect. One browser for the class, as its
 * start is slow; each test logs in when the console asks. Screenshots land in target/screenshots/;
 * {@code -Dfilesync.siteImages=src/site/images} also copies the overview and job page there for the README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserTest {

    private static final String USER = "ops";
    private static final String PASSWORD = "operator-pw-5e6f";
    /** Would set a global if the browser took it for markup. */
    private static final String HOSTILE_FILE = "<img src=x onerror=window.pwned=1>.txt";
    private static final List<String> RELEASES = IntStream.range(0, 130)
            .mapToObj(i -> String.format("release-%03d.tar.gz", i)).toList();
    /** A backslash is a separator elsewhere: the run records each of these FAILED and fetches none. */
    private static final List<String> UNUSABLE = List.of("bad\\name-1.txt", "bad\\name-2.txt", "bad\\name-3.txt");
    private static final List<String> JOBS = List.of("releases", "partner-drop", "vendor-feed");
    private static final int NIGHTS = 30;

    @TempDir
    static Path dir;

    private ApacheFtpServer ftp;
    private ConsoleServer console;
    private HeadlessChromium browser;
    private RunRecord mirrored;
    private RunRecord refused;

    @BeforeAll
    void recordThirtyNightsAndARealRunThenOpenTheBrowser() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/pub"));
        for (String name : RELEASES) {
            Files.writeString(served.resolve(name), "release " + name);
        }
        Files.writeString(served.resolve(HOSTILE_FILE), "odd");
        for (String name : UNUSABLE) {
            Files.writeString(served.resolve(name), "unusable");
        }
        ftp = ApacheFtpServer.start(served.getParent());
        MirrorHarness harness = new MirrorHarness(dir);
        PastRuns past = new PastRuns(harness.database(), Instant.now());
        Random nights = new Random(13); // the same thirty nights at every run, the README's pictures too
        for (int night = NIGHTS; night >= 1; night--) {
            for (String job : JOBS) {
                double roll = nights.nextDouble();
                // the last night succeeded, so that the real runs below start afresh rather than resume
                RunStatus status = night == 1 || roll > 0.2 ? RunStatus.COMPLETED
                        : roll < 0.08 ? RunStatus.FAILED : RunStatus.COMPLETED_WITH_ERRORS;
                int files = status == RunStatus.FAILED ? nights.nextInt(5) : 20 + nights.nextInt(60);
                int failed = status == RunStatus.COMPLETED_WITH_ERRORS ? 1 + nights.nextInt(4) : 0;
                long bytes = files * (2_000_000L + nights.nextInt(30_000_000));
                past.finished(job, night, status, new RunCounters(files, 0, failed, 0, bytes),
                        Duration.ofSeconds(20 + bytes / 40_000_000));
            }
        }
        mirrored = harness.run(harness.job("releases", ftp, "download", "pub", dir.resolve("mirror/releases")));
        refused = harness.run(harness.job("partner-drop", ApacheFtpServer.USER, "pw", closedPort(), "drop", "download",
                dir.resolve("mirror/partner-drop")));

        Path jobs = Files.createDirectories(dir.resolve("console-jobs"));
        Files.writeString(jobs.resolve("ftp.password"), ApacheFtpServer.PASSWORD);
        for (String job : JOBS) {
            JobFiles.write(jobs, job + ".yaml", "description: Nightly " + job, "schedule: \"0 30 2 * * ?\"", "remote:",
                    "  url: ftp://" + ApacheFtpServer.USER + "@127.0.0.1:" + ftp.port() + "/pub",
                    "  passwordFile: ftp.password", "local:", "  path: ../mirror/" + job);
        }
        console = ConsoleServer.start(harness, jobs, "0.0.0.0", List.of(ConsoleServer.user(USER, PASSWORD, ConsoleRole.OPERATOR)));
        browser = HeadlessChromium.start();
        browser.driver().manage().window().setSize(new Dimension(1200, 900));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        console.close();
        ftp.close();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Opens a page of the console, logging in first when the console asks for it. */
    private void open(String path) {
        browser.open(console.url(path));
        if (browser.driver().getCurrentUrl().contains("/login")) {
            browser.logIn(USER, PASSWORD);
            browser.open(console.url(path));
        }
    }

    /** Each chart of the page as uPlot drew it: its kind, its canvas's size and how many of its pixels are painted. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> charts() {
        return (List<Map<String, Object>>) browser.script("""
                return [...document.querySelectorAll('.chart[data-chart]')].map(chart => {
                  const canvas = chart.querySelector('canvas');
                  if (!canvas) return {chart: chart.dataset.chart, width: 0, height: 0, painted: 0};
                  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                  let painted = 0;
                  for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha] !== 0) painted++;
                  return {chart: chart.dataset.chart, width: canvas.width, height: canvas.height, painted};
                });""");
    }

    private void assertChartsDrawn(String... kinds) {
        browser.waiting(Duration.ofSeconds(30)).withMessage(() -> "charts not drawn: " + charts())
                .until(driver -> charts().stream().allMatch(chart -> ((Number) chart.get("painted")).longValue() > 0));
        List<Map<String, Object>> charts = charts();
        assertThat(charts).extracting(chart -> chart.get("chart")).containsExactly((Object[]) kinds);
        for (Map<String, Object> chart : charts) {
            assertThat(((Number) chart.get("width")).longValue()).as("%s", chart).isPositive();
            assertThat(((Number) chart.get("height")).longValue()).as("%s", chart).isPositive();
            // a line of thirty points over the canvas, not a stray pixel
            assertThat(((Number) chart.get("painted")).longValue()).as("%s", chart).isGreaterThan(100);
        }
    }

    private List<String> filePaths() {
        return browser.driver().findElements(By.cssSelector("table.files tbody tr td:first-child")).stream()
                .map(WebElement::getText).toList();
    }

    private List<String> fileStatuses() {
        return browser.driver().findElements(By.cssSelector("table.files tbody tr td:nth-child(2)")).stream()
                .map(WebElement::getText).distinct().toList();
    }

    private void screenshot(String name, boolean forTheReadme) throws Exception {
        Path shot = browser.screenshot(name);
        String siteImages = System.getProperty("filesync.siteImages");
        if (forTheReadme && siteImages != null) {
            Path target = Files.createDirectories(Path.of(siteImages)).resolve("console-" + name + ".png");
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void loginFormRefusesAWrongPasswordAndLetsTheRightOneIn() throws Exception {
        browser.driver().manage().deleteAllCookies();
        browser.open(console.url("/"));
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login");
        screenshot("login", false);

        browser.logIn(USER, "not-the-password");
        browser.waitForText("Wrong user name or password.");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/login?error");

        browser.logIn(USER, PASSWORD);
        browser.waitForText("Jobs");
        assertThat(URI.create(browser.driver().getCurrentUrl()).getPath()).isEqualTo("/");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Jobs");
    }

    @Test
    void overviewDrawsEachJobsSparklineAndShowsTheFailedRun() throws Exception {
        open("/");

        assertChartsDrawn("sparkline", "sparkline", "sparkline");
        WebElement partnerDrop = browser.driver().findElement(By.xpath("//table[@class='jobs']//tr[td/a[text()='partner-drop']]"));
        assertThat(partnerDrop.getText()).contains("#" + refused.runId(), "FAILED");
        screenshot("overview", true);
    }

    @Test
    void jobPageDrawsItsChartsOverThirtyNights() throws Exception {
        open("/jobs/releases");

        assertChartsDrawn("bytes-duration", "files");
        assertThat(browser.driver().findElements(By.cssSelector("table.runs tbody tr"))).hasSize(NIGHTS + 1);
        screenshot("job", true);
    }

    @Test
    void runPagePagesThroughItsFilesAndShowsAHostileNameAsText() throws Exception {
        open("/runs/" + mirrored.runId());
        List<String> first = filePaths();
        screenshot("run", false);
        browser.follow(By.cssSelector("nav.pages a[rel=next]"));
        List<String> second = filePaths();
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
        browser.follow(By.cssSelector("nav.pages a[rel=prev]"));

        assertThat(first).hasSize(ConsolePages.FILES_PER_PAGE);
        assertThat(filePaths()).isEqualTo(first);
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        List<String> expected = new ArrayList<>(RELEASES);
        expected.add(HOSTILE_FILE);
        expected.addAll(UNUSABLE);
        assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(browser.driver().findElements(By.cssSelector("table.files img"))).isEmpty();
        assertThat(browser.script("return typeof window.pwned")).isEqualTo("undefined");
    }

    @Test
    void runPageFiltersItsFilesByStatus() throws Exception {
        open("/runs/" + mirrored.runId());

        browser.follow(By.cssSelector("nav.filter a[href$='status=FAILED']"));
        assertThat(filePaths()).containsExactlyInAnyOrderElementsOf(UNUSABLE);
        assertThat(fileStatuses()).containsExactly("FAILED");
        assertThat(browser.driver().findElement(By.cssSelector("nav.filter a.current")).getText()).isEqualTo("FAILED");

        browser.follow(By.cssSelector("nav.filter a[href$='status=DONE']"));
        assertThat(filePaths()).hasSize(ConsolePages.FILES_PER_PAGE).doesNotContainAnyElementsOf(UNUSABLE);
        assertThat(fileStatuses()).containsExactly("DONE");
    }
}
