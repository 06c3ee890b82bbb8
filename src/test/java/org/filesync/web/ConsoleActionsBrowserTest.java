package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.filesync.history.ActionLog;
import org.filesync.history.RunRecord;
import org.filesync.settings.ConsoleRole;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.ConsoleServer;
import org.filesync.testing.HeadlessChromium;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console's actions in Debian's headless chromium, pressed as a person presses them: run now
 * and the run's progress followed live, pause and resume, stop, the header's file search, and a
 * viewer refused. Runs are real, from an FTP server, slowed by the jobs' {@code bandwidthLimit}
 * so that the browser catches them running. One browser for the class; each test logs in as its user.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleActionsBrowserTest {

    private static final String OPERATOR = "ops";
    private static final String OPERATOR_PASSWORD = "operator-pw-7a8b";
    private static final String VIEWER = "watcher";
    private static final String VIEWER_PASSWORD = "viewer-pw-9c0d";
    /** At 1 MB/s: seconds of transfer for the page to follow, few enough to keep the class short. */
    private static final int PACED_BYTES = 8 << 20;
    /** Far longer than the stop takes. */
    private static final int STOPPABLE_BYTES = 64 << 20;
    private static final String GUIDE = "docs/manuals/guide-2026.pdf";
    /** A run starts, moves its bytes and ends within this, on CI's two shared cores too. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    private ApacheFtpServer ftp;
    private MirrorHarness harness;
    private ConsoleServer console;
    private HeadlessChromium browser;
    private RunRecord guideRun;

    @BeforeAll
    void serveSlowJobsAndOpenTheBrowser() throws Exception {
        Path served = dir.resolve("served");
        TestFiles.random(served.resolve("paced/big.bin"), PACED_BYTES, 1);
        TestFiles.random(served.resolve("stoppable/big.bin"), STOPPABLE_BYTES, 2);
        Files.createDirectories(served.resolve(GUIDE).getParent());
        Files.writeString(served.resolve(GUIDE), "the guide");
        ftp = ApacheFtpServer.start(served);
        harness = new MirrorHarness(dir);
        guideRun = harness.run(harness.job("handbook", ftp, "download", "docs", dir.resolve("mirror/handbook")));

        Path jobs = Files.createDirectories(dir.resolve("console-jobs"));
        Files.writeString(jobs.resolve("ftp.password"), ApacheFtpServer.PASSWORD);
        job(jobs, "paced", "paced", "bandwidthLimit: 1MB");
        job(jobs, "stoppable", "stoppable", "bandwidthLimit: 1MB");
        job(jobs, "nightly", "docs", "schedule: \"0 30 2 * * ?\"");
        job(jobs, "untouched", "docs");
        console = ConsoleServer.start(harness, jobs, "0.0.0.0", List.of(
                ConsoleServer.user(OPERATOR, OPERATOR_PASSWORD, ConsoleRole.OPERATOR),
                ConsoleServer.user(VIEWER, VIEWER_PASSWORD, ConsoleRole.VIEWER)));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        console.close();
        ftp.close();
    }

    private void job(Path jobs, String name, String remoteFolder, String... extra) {
        List<String> lines = new ArrayList<>(List.of(extra));
        lines.addAll(List.of("remote:", "  url: ftp://" + ApacheFtpServer.USER + "@127.0.0.1:" + ftp.port() + "/" + remoteFolder,
                "  passwordFile: ftp.password", "local:", "  path: ../mirror/" + name));
        JobFiles.write(jobs, name + ".yaml", lines.toArray(String[]::new));
    }

    /** A fresh session of {@code user}, so that no test acts as the one before it logged in. */
    private void logInAs(String user, String password) {
        browser.driver().manage().deleteAllCookies();
        browser.open(console.url("/login"));
        browser.logIn(user, password);
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    private boolean present(By target) {
        return !browser.driver().findElements(target).isEmpty();
    }

    /** Reloads the job's page until its run list shows a run, as a person would, and returns the newest run's id. */
    private long firstRunOf(String job) {
        By runLinks = By.cssSelector("table.runs tbody tr td:first-child a");
        browser.waiting(PATIENCE).withMessage(() -> "no run of " + job + " listed").until(driver -> {
            browser.open(console.url("/jobs/" + job));
            return present(runLinks);
        });
        return Long.parseLong(browser.driver().findElement(runLinks).getText().substring(1));
    }

    private void startFromJobPage(String job) {
        browser.open(console.url("/jobs/" + job));
        browser.follow(By.id("run-now"));
        assertThat(text("notice")).startsWith("Run started by " + OPERATOR);
    }

    private String progressState() {
        return browser.driver().findElement(By.id("live-progress")).getDomAttribute("data-state");
    }

    private boolean pausedBadgeOnJobPage() {
        return present(By.cssSelector("main .badge.PAUSED"));
    }

    private boolean pausedBadgeOnOverview(String job) {
        browser.open(console.url("/"));
        WebElement row = browser.driver().findElement(By.xpath("//table[@class='jobs']//tr[td/a[text()='" + job + "']]"));
        return !row.findElements(By.cssSelector(".badge.PAUSED")).isEmpty();
    }

    /** What {@code GET /api/jobs} says of the job, asked by the page's own session. */
    private Object pausedInApi(String job) {
        return browser.script("""
                const name = arguments[0];
                return fetch('/api/jobs', {headers: {Accept: 'application/json'}})
                  .then(response => response.json()).then(jobs => jobs.find(job => job.name === name).paused);""", job);
    }

    @Test
    void runNowShowsItsRunsProgressInPlaceUntilItEndsAtAHundredPercent() {
        logInAs(OPERATOR, OPERATOR_PASSWORD);
        startFromJobPage("paced");
        long runId = firstRunOf("paced");

        browser.open(console.url("/runs/" + runId));
        browser.script("window.notReloaded = true");
        browser.waiting(PATIENCE).withMessage(() -> "no file in flight below 100 %: " + text("progress-percent"))
                .until(driver -> present(By.cssSelector("#progress-in-flight tr.in-flight"))
                        && !text("progress-percent").isEmpty() && !text("progress-percent").equals("100 %"));
        browser.screenshot("run-live-progress");
        assertThat(browser.driver().findElement(By.cssSelector("#progress-in-flight tr.in-flight td.path")).getText())
                .isEqualTo("big.bin");
        browser.waiting(PATIENCE).withMessage(() -> "run did not end: " + progressState())
                .until(driver -> "ended".equals(progressState()));

        assertThat(browser.script("return window.notReloaded")).isEqualTo(true);
        assertThat(text("progress-percent")).isEqualTo("100 %");
        assertThat(browser.driver().findElement(By.id("progress-bar")).getDomProperty("value")).isEqualTo("100");
        assertThat(text("progress-notice")).contains("COMPLETED");
    }

    @Test
    void pauseAndResumeShowOnTheJobPageTheOverviewAndTheApi() {
        logInAs(OPERATOR, OPERATOR_PASSWORD);
        browser.open(console.url("/jobs/nightly"));
        assertThat(pausedBadgeOnJobPage()).isFalse();

        browser.follow(By.id("pause"));
        assertThat(text("notice")).isEqualTo("Schedule paused.");
        assertThat(pausedBadgeOnJobPage()).isTrue();
        assertThat(present(By.id("resume"))).isTrue();
        assertThat(pausedBadgeOnOverview("nightly")).isTrue();
        assertThat(pausedInApi("nightly")).isEqualTo(true);

        browser.open(console.url("/jobs/nightly"));
        browser.follow(By.id("resume"));
        assertThat(text("notice")).isEqualTo("Schedule resumed.");
        assertThat(pausedBadgeOnJobPage()).isFalse();
        assertThat(present(By.id("pause"))).isTrue();
        assertThat(pausedBadgeOnOverview("nightly")).isFalse();
        assertThat(pausedInApi("nightly")).isEqualTo(false);
    }

    @Test
    void stopOnARunningRunsPageStopsItAndItsActionsNameWhoStoppedIt() {
        logInAs(OPERATOR, OPERATOR_PASSWORD);
        startFromJobPage("stoppable");
        long runId = firstRunOf("stoppable");
        browser.open(console.url("/runs/" + runId));

        browser.follow(By.id("stop"));
        assertThat(text("notice")).startsWith("Stop requested");
        browser.waiting(PATIENCE).withMessage(() -> "run " + runId + " not shown STOPPED").until(driver -> {
            browser.open(console.url("/runs/" + runId));
            return browser.driver().findElement(By.cssSelector("h1 .status")).getText().equals("STOPPED");
        });

        assertThat(browser.driver().findElement(By.cssSelector("section.run-actions")).getText())
                .contains("stop by " + OPERATOR);
        assertThat(present(By.id("stop"))).isFalse();
    }

    @Test
    void headerSearchFindsTheRunThatMovedAFileAndItsSyncedState() {
        logInAs(OPERATOR, OPERATOR_PASSWORD);
        browser.open(console.url("/"));

        browser.submit(By.cssSelector("header form.find input[name=path]"), "guide-2026");
        browser.waitForText("Synced state");
        browser.screenshot("file-search");

        assertThat(browser.driver().getCurrentUrl()).isEqualTo(console.url("/files?path=guide-2026"));
        WebElement event = browser.driver().findElement(By.cssSelector("table.events tbody tr"));
        assertThat(event.getText()).contains("#" + guideRun.runId(), "handbook", "manuals/guide-2026.pdf", "DONE");
        assertThat(browser.driver().findElement(By.cssSelector("table.synced tbody tr")).getText())
                .contains("handbook", "manuals/guide-2026.pdf");
    }

    @Test
    void aViewerIsOfferedNoActionAndAFormWhoseSessionEndedGetsTheConsolesNotAllowedPage() {
        logInAs(VIEWER, VIEWER_PASSWORD);
        browser.open(console.url("/jobs/untouched"));
        assertThat(present(By.id("run-now"))).isFalse();
        assertThat(text("act-hint")).contains("need an operator");

        logInAs(OPERATOR, OPERATOR_PASSWORD);
        browser.open(console.url("/jobs/untouched"));
        browser.driver().manage().deleteAllCookies(); // the session ends under the page: its CSRF token is stale
        browser.follow(By.id("run-now"));

        assertThat(text("forbidden")).isEqualTo("Not allowed");
        assertThat(present(By.cssSelector("header form.find"))).as("the console's own page, not Spring's").isTrue();
        // an action the console carries out is in the action log before its answer: none there, none carried out
        assertThat(new ActionLog(harness.database().jdbc()).ofJob("untouched", 10)).isEmpty();
        browser.open(console.url("/jobs/untouched"));
        assertThat(present(By.cssSelector("table.runs tbody tr"))).isFalse();
    }
}
