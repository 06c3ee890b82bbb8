package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.history.NodeIdentity;
import org.filesync.history.NotificationLog;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferStatus;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.notify.RunAlerts;
import org.filesync.schedule.SchedulerNode;
import org.filesync.settings.ServerSettings;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.PastRuns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pages over real HTTP from the web application of {@code serve}: a real run from an
 * FTP server whose listing holds a hostile name, beside a history written as runs write it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePagesTest {

    private static final String HOSTILE_FILE = "<script>alert(\"x\" & 'y').txt";
    private static final String HOSTILE_DESCRIPTION = "<script>alert('d')</script> & \"q\"";
    private static final String PASSWORD = "hunter2-pw";
    private static final String HOOK_TOKEN = "T0KEN-in-url";
    private static final String HOOK_SECRET = "hmac-s3cret";

    @TempDir
    static Path dir;

    private ApacheFtpServer server;
    private MirrorHarness harness;
    private SchedulerNode scheduler;
    private WebApplication web;
    private RunRecord mirrored;
    private long manyFiles;
    private long failedRun;
    private long resumingRun;
    private long runningRun;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void recordHistoryAndStartTheConsole() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(served.resolve("plain.txt"), "plain");
        Files.writeString(served.resolve(HOSTILE_FILE), "odd");
        server = ApacheFtpServer.start(served.getParent());
        harness = new MirrorHarness(dir);
        PastRuns past = new PastRuns(harness.database(), Instant.now());
        for (int day = 80; day >= 3; day--) {
            past.finished("shown", day, day % 10 == 0 ? RunStatus.COMPLETED_WITH_ERRORS : RunStatus.COMPLETED, 1);
        }
        mirrored = harness.run(harness.job("shown", server, "download", "pub", dir.resolve("target")));
        failedRun = past.finished("resumed", 2, RunStatus.FAILED, 0);
        resumingRun = past.finished("resumed", 1, RunStatus.COMPLETED, 0);
        manyFiles = past.finished("many", 1, RunStatus.COMPLETED_WITH_ERRORS, 0);
        new TransferLog(harness.database().dataSource()).insert(manyFiles, "DOWNLOAD", IntStream.range(0, 250)
                .mapToObj(i -> i % 5 == 0 ? TransferLog.NewTransfer.failed(String.format("file-%03d", i), "refused", 550, "550 no")
                        : new TransferLog.NewTransfer(String.format("file-%03d", i), TransferStatus.DONE, 1, null, "new", null))
                .toList());
        NotificationLog notifications = new NotificationLog(harness.database().dataSource());
        notifications.failed(notifications.pending(failedRun, "webhook", "failure"), 3, "HTTP 502 from the receiver");
        runningRun = past.running("busy", 0, 3);

        Path jobs = Files.createDirectories(dir.resolve("console-jobs"));
        Files.writeString(jobs.resolve("ftp.password"), PASSWORD);
        JobFiles.write(jobs, "shown.yaml", "description: '" + HOSTILE_DESCRIPTION.replace("'", "''") + "'",
                "schedule: \"0 30 2 * * ?\"", "remote:", "  url: ftp://tester@127.0.0.1:" + server.port() + "/pub",
                "  passwordFile: ftp.password", "local:", "  path: ../target", "notify:",
                "  webhook: https://hooks.example.org/" + HOOK_TOKEN, "  webhookSecret: " + HOOK_SECRET);
        JobFiles.write(jobs, "busy.yaml", "remote:", "  url: ftp://127.0.0.1/", "local:", "  path: ../busy");
        Path broken = JobFiles.write(jobs, "resumed.yaml", "schedule: \"0 0 3 * * ?\"", "remote:", "  url: ftp://127.0.0.1/",
                "local:", "  path: ../resumed");
        FilesyncMeters meters = new FilesyncMeters(new SimpleMeterRegistry());
        scheduler = SchedulerNode.start(harness.database(), jobs, NodeIdentity.current("console-test"),
                CommonsNetSessionFactory::new, RunAlerts.start(harness.database(), ServerSettings.NONE, meters), meters);
        // broken once scheduled: the scheduler keeps the definition it loaded
        Files.writeString(broken, "schedule: \"0 0 3 * * ?\"\nremote:\n  url: ftp://127.0.0.1/\nlocal:\n  path: ../resumed\nparallel: lots\n");
        web = WebApplication.start(new InetSocketAddress("127.0.0.1", 0), harness.database(), scheduler, List.of());
    }

    @AfterAll
    void stop() throws InterruptedException {
        web.close();
        scheduler.stop(Duration.ofSeconds(5));
        harness.close();
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + web.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        return response.body();
    }

    private static List<String> matches(String regex, String text) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        return matcher.results().map(result -> result.group(1)).toList();
    }

    @Test
    void overviewShowsEachJobsLastRunLastSuccessNextFireAndASparklineOfItsLast30Runs() throws Exception {
        String overview = page("/");

        assertThat(overview).contains("href=\"/jobs/shown\"", "href=\"/runs/" + mirrored.runId() + "\"", "just now",
                "2026-", ":30:00Z", "manual only", "Recent runs");
        List<String> series = matches("data-chart=\"sparkline\" data-series=\"([^\"]*)\"", overview);
        assertThat(series).as("shown and busy; many has no job file").hasSize(2);
        String shown = matches("data-series=\"([^\"]*)\"", overview.split("href=\"/jobs/shown\"")[1]).get(0);
        assertThat(shown).contains("&quot;bytes&quot;:[", "&quot;duration&quot;:[", "&quot;failed&quot;:[", "true");
        assertThat(matches("&quot;runId&quot;:\\[([^\\]]*)\\]", shown).get(0).split(",")).hasSize(30)
                .endsWith(String.valueOf(mirrored.runId()));
    }

    @Test
    void overviewMarksARunningJob() throws Exception {
        String busyRow = page("/").split("href=\"/jobs/busy\"")[1].split("</tr>")[0];

        assertThat(busyRow).contains("class=\"badge RUNNING\"", "#" + runningRun);
    }

    @Test
    void overviewSeesAJobFileAddedOrRemovedAtTheNextRequest() throws Exception {
        Path jobs = dir.resolve("console-jobs");
        page("/");
        Path added = JobFiles.write(jobs, "added.yaml", "remote:", "  url: ftp://127.0.0.1/", "local:", "  path: ../added");
        String withIt = page("/");
        Files.delete(added);
        String without = page("/");

        assertThat(withIt).contains("href=\"/jobs/added\"");
        assertThat(without).doesNotContain("href=\"/jobs/added\"");
    }

    @Test
    void jobPageHasChartsOfItsRunsAndItsSettingsWithoutAnySecret() throws Exception {
        String job = page("/jobs/shown");

        assertThat(job).contains("data-chart=\"bytes-duration\"", "data-chart=\"files\"", "&quot;transferred&quot;:[",
                "&quot;filesFailed&quot;:[", "remote.password", "notify.webhook", "notify.webhookSecret",
                "(set)", "ftp://tester@127.0.0.1:" + server.port() + "/pub", "0 30 2 * * ?");
        assertThat(job).doesNotContain(PASSWORD, HOOK_TOKEN, HOOK_SECRET);
    }

    @Test
    void jobPagePagesItsRunsNewestFirst() throws Exception {
        String first = page("/jobs/shown");
        String second = page("/jobs/shown?page=2");

        List<String> firstRuns = matches("<td><a href=\"/runs/(\\d+)\">", first);
        List<String> secondRuns = matches("<td><a href=\"/runs/(\\d+)\">", second);
        assertThat(firstRuns).hasSize(ConsolePages.RUNS_PER_PAGE).startsWith(String.valueOf(mirrored.runId()));
        assertThat(secondRuns).hasSize(79 - ConsolePages.RUNS_PER_PAGE).doesNotContainAnyElementsOf(firstRuns);
        assertThat(first).contains("href=\"/jobs/shown?page=2\"").doesNotContain("rel=\"prev\"");
        assertThat(second).contains("href=\"/jobs/shown?page=1\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void jobPageOfABrokenFileShowsItsErrorsBesideTheDefinitionStillScheduled() throws Exception {
        String job = page("/jobs/resumed");

        assertThat(job).contains("Its file is broken", "resumed.yaml:6:", "0 0 3 * * ?");
    }

    @Test
    void runPageListsItsFilesAPageAtATimeAndByStatus() throws Exception {
        String first = page("/runs/" + manyFiles);
        String after = matches("href=\"/runs/" + manyFiles + "\\?after=(\\d+)\"", first).get(0);
        String second = page("/runs/" + manyFiles + "?after=" + after);
        String before = matches("href=\"/runs/" + manyFiles + "\\?before=(\\d+)\"", second).get(0);
        String failed = page("/runs/" + manyFiles + "?status=FAILED");

        assertThat(matches("<td>(file-\\d+)</td>", first)).hasSize(ConsolePages.FILES_PER_PAGE)
                .startsWith("file-000").endsWith("file-099");
        assertThat(matches("<td>(file-\\d+)</td>", second)).hasSize(ConsolePages.FILES_PER_PAGE)
                .startsWith("file-100").endsWith("file-199");
        assertThat(matches("<td>(file-\\d+)</td>", page("/runs/" + manyFiles + "?before=" + before)))
                .isEqualTo(matches("<td>(file-\\d+)</td>", first));
        assertThat(matches("<td>(file-\\d+)</td>", failed)).hasSize(50).allMatch(path -> Integer.parseInt(path.substring(5)) % 5 == 0);
        assertThat(failed).doesNotContain(">DONE</span></td>").contains("550 no");
    }

    @Test
    void runPageShowsItsErrorNotificationsAndResumeChain() throws Exception {
        assertThat(new RunHistory(harness.database().jdbc()).run(resumingRun).orElseThrow().resumes()).isEqualTo(failedRun);

        String failed = page("/runs/" + failedRun);
        String resuming = page("/runs/" + resumingRun);

        assertThat(failed).contains("boom", "webhook", "failure", "HTTP 502 from the receiver", "Resume chain",
                "href=\"/runs/" + resumingRun + "\"");
        assertThat(resuming).contains("Resume chain", "href=\"/runs/" + failedRun + "\"");
    }

    @Test
    void runPageOfARunningRunHoldsThePlaceOfItsLiveProgress() throws Exception {
        assertThat(page("/runs/" + runningRun)).contains("id=\"live-progress\"",
                "data-progress-url=\"/api/runs/" + runningRun + "/progress\"");
        assertThat(page("/runs/" + manyFiles)).doesNotContain("live-progress\"");
    }

    @Test
    void hostileNamesAreEscapedOnEveryPage() throws Exception {
        String runPage = page("/runs/" + mirrored.runId());
        String doneFiles = page("/runs/" + mirrored.runId() + "?status=DONE");
        String overview = page("/");
        String job = page("/jobs/shown");

        String escapedFile = "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;).txt";
        assertThat(runPage).contains(escapedFile);
        assertThat(doneFiles).contains(escapedFile);
        String escapedDescription = "&lt;script&gt;alert(&#39;d&#39;)&lt;/script&gt; &amp; &quot;q&quot;";
        assertThat(overview).contains(escapedDescription);
        assertThat(job).contains(escapedDescription);
        for (String body : List.of(runPage, doneFiles, overview, job)) {
            assertThat(body).doesNotContain("<script>alert");
        }
    }

    @Test
    void unknownJobsRunsAndPagesAre404Pages() throws Exception {
        for (String path : List.of("/jobs/nothing", "/runs/999999", "/jobs/shown?page=0")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("<h1>Not found</h1>");
        }
        assertThat(get("/jobs/nothing").body()).contains("There is no job named nothing.");
    }

    @Test
    void chartsComeFromPackagedAssets() throws Exception {
        String overview = page("/");
        String uplotPath = matches("<script src=\"(/webjars/uplot/[^\"]*/uPlot.iife.min.js)\"", overview).get(0);
        HttpResponse<String> uplot = get(uplotPath);
        HttpResponse<String> console = get("/console.js");

        assertThat(overview).contains("<script src=\"/console.js\"").doesNotContain("http://", "https://");
        assertThat(uplot.statusCode()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("new uPlot(");
    }
}
