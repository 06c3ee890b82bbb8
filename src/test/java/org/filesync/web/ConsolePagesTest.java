package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.filesync.history.FileSearch;
import org.filesync.history.NotificationLog;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferLog;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.ConsoleServer;
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
    private ConsoleServer console;
    private RunRecord mirrored;
    private long manyFiles;
    private long failedRun;
    private long resumingRun;
    private long runningRun;
    private long crowdedRun;
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
        crowdedRun = past.finished("crowded", 1, RunStatus.COMPLETED, 0);
        new TransferLog(harness.database().dataSource()).insert(crowdedRun, "DOWNLOAD", IntStream
                .rangeClosed(0, FileSearch.DEFAULT_LIMIT)
                .mapToObj(i -> new TransferLog.NewTransfer("crowd/" + i, TransferStatus.DONE, 1, null, "new", null))
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
        console = ConsoleServer.start(harness, jobs, "127.0.0.1", List.of());
        // broken once scheduled: the scheduler keeps the definition it loaded
        Files.writeString(broken, "schedule: \"0 0 3 * * ?\"\nremote:\n  url: ftp://127.0.0.1/\nlocal:\n  path: ../resumed\nparallel: lots\n");
        await().atMost(Duration.ofSeconds(20)).until(() -> !console.scheduler().jobFileErrors().isEmpty());
    }

    @AfterAll
    void stop() throws InterruptedException {
        console.close();
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url(path))).build(),
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
        assertThat(series).as("shown, busy and resumed (broken, its older definition still scheduled); many has no job file")
                .hasSize(3);
        String shown = matches("data-series=\"([^\"]*)\"", overview.split("href=\"/jobs/shown\"")[1]).get(0);
        assertThat(shown).contains("&quot;bytes&quot;:[", "&quot;duration&quot;:[", "&quot;failed&quot;:[", "true");
        assertThat(matches("&quot;runId&quot;:\\[([^\\]]*)\\]", shown).get(0).split(",")).hasSize(30)
                .endsWith(String.valueOf(mirrored.runId()));
    }

    @Test
    void overviewMarksARunningJob() throws Exception {
        String busyRow = page("/").split("href=\"/jobs/busy\"")[1].split("</tr>")[0];

        assertThat(busyRow).contains("class=\"badge RUNNING\"", "#" + runningRun,
                "data-progress-url=\"/api/runs/" + runningRun + "/progress\"");
        assertThat(page("/").split("href=\"/jobs/shown\"")[1].split("</tr>")[0]).doesNotContain("badge RUNNING");
    }

    @Test
    void overviewFollowsTheSchedulersReloadOfAJobFileAddedOrRemoved() throws Exception {
        Path jobs = dir.resolve("console-jobs");
        assertThat(page("/")).doesNotContain("href=\"/jobs/added\"");

        Path added = JobFiles.write(jobs, "added.yaml", "remote:", "  url: ftp://127.0.0.1/", "local:", "  path: ../added");
        await().atMost(Duration.ofSeconds(20)).until(() -> page("/").contains("href=\"/jobs/added\""));
        Files.delete(added);
        await().atMost(Duration.ofSeconds(20)).until(() -> !page("/").contains("href=\"/jobs/added\""));
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
    void runPageOfARunningRunHoldsItsLiveProgressWithTheHistorysFigures() throws Exception {
        String running = page("/runs/" + runningRun);

        assertThat(running).contains("id=\"live-progress\"", "data-state=\"running\"",
                "data-progress-url=\"/api/runs/" + runningRun + "/progress\"", "id=\"progress-notice\"",
                "<progress id=\"progress-bar\" max=\"100\" value=\"0\">", "id=\"progress-percent\"",
                "id=\"progress-rate\"", "id=\"progress-eta\"", "id=\"progress-in-flight\"",
                "<dd id=\"progress-bytes\">0 B</dd>", "<dd id=\"progress-files\">0 done, 0 failed</dd>");
        assertThat(page("/runs/" + manyFiles)).doesNotContain("live-progress\"");
    }

    @Test
    void consoleScriptFollowsTheProgressUrlAndWritesNoMarkup() throws Exception {
        HttpResponse<String> script = get("/console.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("getElementById('live-progress')", "dataset.progressUrl", "setTimeout(poll, 1000)",
                "'progress-percent'", "'#progress-bar'", "'#progress-in-flight tbody'", "'in-flight'",
                "response.status === 404", "Progress is shown on the node running it", "'elsewhere'", "'ended'",
                "querySelectorAll('.badge[data-progress-url]')", "'running ' + percent(p)",
                "textContent").doesNotContain("innerHTML", "insertAdjacentHTML", "document.write");
    }

    private String search(String path, String job) throws Exception {
        return page("/files?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8) + (job == null ? "" : "&job=" + job));
    }

    @Test
    void filePageFindsAPathBySubstringWithTheRunThatMovedItAndItsSyncedState() throws Exception {
        String found = search("lain.t", null);

        assertThat(found).contains("<td>plain.txt</td>", "href=\"/runs/" + mirrored.runId() + "\"", ">DONE</span>",
                "(substring)", "Synced state", "<td><a href=\"/jobs/shown\">shown</a></td>")
                .doesNotContain("id=\"no-match\"");
        assertThat(found).as("the search box keeps what was asked").contains("value=\"lain.t\"");
    }

    @Test
    void filePageFindsPathsByGlobWithinOneJobEvenOneWithoutAJobFile() throws Exception {
        String files = search("file-00?", "many");
        String refused = search("file-?[04]0", "many");
        String otherJob = search("file-00?", "shown");

        assertThat(matches("<td>(file-\\d+)</td>", files)).hasSize(10).allMatch(path -> path.startsWith("file-00"));
        assertThat(files).contains("(glob)", "href=\"/runs/" + manyFiles + "\"", "<option value=\"many\" selected>many</option>");
        assertThat(matches("<td>(file-\\d+)</td>", refused)).containsExactlyInAnyOrder("file-000", "file-040", "file-100",
                "file-140", "file-200", "file-240");
        assertThat(refused).contains("550 no", ">FAILED</span>");
        assertThat(otherJob).contains("id=\"no-match\"", "<option value=\"shown\" selected=\"selected\">shown</option>");
    }

    @Test
    void filePageSaysWhenNothingMatches() throws Exception {
        assertThat(search("no-such-file", null)).contains("id=\"no-match\"",
                "No run moved, failed or deleted a path matching no-such-file").doesNotContain("<table class=\"events\"");
    }

    @Test
    void filePageAnswersABrokenGlobWith400AndItsReason() throws Exception {
        HttpResponse<String> broken = get("/files?path=" + URLEncoder.encode("pub/[ab*", StandardCharsets.UTF_8));

        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(broken.body()).contains("id=\"search-error\"", "Not a valid search: &#39;[&#39; without &#39;]&#39;",
                "id=\"file-search\"").doesNotContain("<table class=\"events\"");
    }

    @Test
    void filePageSaysItCutTheEventsAtTheLimit() throws Exception {
        String crowd = search("crowd/", "crowded");

        assertThat(matches("<td>(crowd/\\d+)</td>", crowd)).hasSize(FileSearch.DEFAULT_LIMIT)
                .doesNotContain("crowd/0").contains("crowd/" + FileSearch.DEFAULT_LIMIT);
        assertThat(crowd).contains("Only the newest " + FileSearch.DEFAULT_LIMIT + " events are shown");
        assertThat(search("plain", null)).doesNotContain("Only the newest");
    }

    @Test
    void filePageWithoutAPathIsTheFormAlone() throws Exception {
        String form = page("/files");

        assertThat(form).contains("id=\"file-search\"", "<option value=\"shown\">shown</option>", "<option value=\"\">every job</option>")
                .doesNotContain("id=\"no-match\"", "Synced state");
    }

    @Test
    void everyPageHasTheSearchBoxInItsHeader() throws Exception {
        for (String path : List.of("/", "/jobs/shown", "/runs/" + mirrored.runId(), "/files")) {
            assertThat(page(path).split("</header>")[0]).as(path)
                    .contains("<form class=\"find\" action=\"/files\" method=\"get\"", "name=\"path\"");
        }
    }

    @Test
    void hostileNamesAreEscapedOnEveryPage() throws Exception {
        String runPage = page("/runs/" + mirrored.runId());
        String doneFiles = page("/runs/" + mirrored.runId() + "?status=DONE");
        String overview = page("/");
        String job = page("/jobs/shown");
        String found = search("<script>", null);

        String escapedFile = "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;).txt";
        assertThat(runPage).contains(escapedFile);
        assertThat(doneFiles).contains(escapedFile);
        assertThat(found).contains(escapedFile, "value=\"&lt;script&gt;\"");
        String escapedDescription = "&lt;script&gt;alert(&#39;d&#39;)&lt;/script&gt; &amp; &quot;q&quot;";
        assertThat(overview).contains(escapedDescription);
        assertThat(job).contains(escapedDescription);
        for (String body : List.of(runPage, doneFiles, overview, job, found)) {
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
