package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.filesync.history.HistoryJson;
import org.filesync.history.RunRecord;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.ConsoleServer;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over real HTTP, showing a real run recorded in H2, served by the web application of {@code serve}. */
class DashboardTest {

    private static final String ODD_NAME = "<b>odd & 'name'<br>.txt";

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private MirrorHarness harness;
    private ConsoleServer console;
    private RunRecord run;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void runAJobAndStartTheDashboard() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(served.resolve("plain.txt"), "plain");
        Files.writeString(served.resolve(ODD_NAME), "odd");
        server = ApacheFtpServer.start(served.getParent());
        harness = new MirrorHarness(dir);
        run = harness.run(harness.job("shown", server, "download", "pub", dir.resolve("target")));
        Path shownJobs = Files.createDirectories(dir.resolve("dashboard-jobs"));
        JobFiles.write(shownJobs, "shown.yaml", "description: mirrors pub", "schedule: \"0 30 2 * * ?\"",
                "remote:", "  url: ftp://127.0.0.1:" + server.port() + "/pub", "local:", "  path: ../target");
        console = ConsoleServer.start(harness, shownJobs, "127.0.0.1", List.of());
    }

    @AfterEach
    void stop() throws InterruptedException {
        console.close();
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(console.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void apiServesTheSameJsonAsTheCommandLine() throws Exception {
        JsonNode runs = HistoryJson.mapper().readTree(get("/api/runs?job=shown&limit=5").body());
        JsonNode shown = HistoryJson.mapper().readTree(get("/api/runs/" + run.runId()).body());
        JsonNode jobs = HistoryJson.mapper().readTree(get("/api/jobs").body());

        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("runId").asLong()).isEqualTo(run.runId());
        assertThat(keys(runs.get(0))).contains("runId", "job", "status", "startedAt", "filesTransferred", "resumes", "node");
        assertThat(keys(shown)).containsExactlyInAnyOrder("run", "transfers", "notifications", "actions");
        assertThat(shown.get("transfers")).hasSize(2);
        assertThat(shown.get("transfers").findValuesAsText("path")).contains(ODD_NAME, "plain.txt");
        assertThat(jobs).hasSize(1);
        assertThat(jobs.get(0).get("name").asText()).isEqualTo("shown");
        assertThat(jobs.get(0).get("lastRun").get("runId").asLong()).isEqualTo(run.runId());
        assertThat(jobs.get(0).get("running").asBoolean()).isFalse();
        assertThat(jobs.get(0).get("paused").asBoolean()).isFalse();
        assertThat(jobs.get(0).get("nextFireTime").asText()).endsWith(":30:00Z");
    }

    @Test
    void pagesShowJobsRunsAndFilesWithEveryNameEscaped() throws Exception {
        HttpResponse<String> overview = get("/");
        HttpResponse<String> runPage = get("/runs/" + run.runId());

        assertThat(overview.statusCode()).isEqualTo(200);
        assertThat(overview.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(overview.body()).contains("shown", "mirrors pub", "href=\"/runs/" + run.runId() + "\"", "COMPLETED");
        assertThat(runPage.body()).contains("plain.txt", "&lt;b&gt;odd &amp; &#39;name&#39;&lt;br&gt;.txt", "DONE", "226")
                .doesNotContain(ODD_NAME);
    }

    @Test
    void isReadOnlyAndSaysWhatItDoesNotHave() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(console.url("/api/runs")))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        // refused by the console's CSRF protection before anything else looks at it
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(get("/runs/999999").statusCode()).isEqualTo(404);
        assertThat(get("/nothing-here").statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsUpWithTheDatabaseAndTheSchedulerAndDownOnceTheSchedulerStops() throws Exception {
        JsonNode up = HistoryJson.mapper().readTree(get("/actuator/health").body());

        console.scheduler().stop(Duration.ofSeconds(5));
        HttpResponse<String> stopped = get("/actuator/health");

        assertThat(up.get("status").asText()).isEqualTo("UP");
        assertThat(up.get("components").get("db").get("status").asText()).isEqualTo("UP");
        assertThat(up.get("components").get("scheduler").get("status").asText()).isEqualTo("UP");
        assertThat(stopped.statusCode()).isEqualTo(503);
        JsonNode down = HistoryJson.mapper().readTree(stopped.body());
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(down.get("components").get("scheduler").get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void healthIsDownWhenTheDatabaseIsGone() throws Exception {
        harness.database().close();
        HttpResponse<String> gone = get("/actuator/health");

        assertThat(gone.statusCode()).isEqualTo(503);
        JsonNode down = HistoryJson.mapper().readTree(gone.body());
        assertThat(down.get("status").asText()).isEqualTo("DOWN");
        assertThat(down.get("components").get("db").get("status").asText()).isEqualTo("DOWN");
    }

    @Test
    void apiAnswersAnUnknownRunAndAnUnreadableHistoryInJson() throws Exception {
        HttpResponse<String> unknown = get("/api/runs/999999");
        harness.database().close();
        HttpResponse<String> runs = get("/api/runs");
        HttpResponse<String> files = get("/api/files?path=plain");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(HistoryJson.mapper().readTree(unknown.body()).get("error").asText()).isEqualTo("no run with id 999999");
        for (HttpResponse<String> failed : List.of(runs, files)) {
            assertThat(failed.statusCode()).isEqualTo(500);
            assertThat(failed.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
            assertThat(HistoryJson.mapper().readTree(failed.body()).get("error").asText())
                    .isEqualTo("the history could not be read; see the log");
        }
    }
}
