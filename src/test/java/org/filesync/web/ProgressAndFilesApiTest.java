package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.filesync.history.HistoryJson;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.ConsoleServer;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /api/runs/ID/progress} and {@code /api/files} over real HTTP, from the web application of
 * a scheduler that fires a paced job every second against a real server.
 */
class ProgressAndFilesApiTest {

    private static final int BIG = 6 << 20;

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private MirrorHarness harness;
    private ConsoleServer console;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void serve() throws Exception {
        TestFiles.random(dir.resolve("served/pub/big.bin"), BIG, 1);
        server = ApacheFtpServer.start(dir.resolve("served"));
        harness = new MirrorHarness(dir);
        Path jobs = Files.createDirectories(dir.resolve("served-jobs"));
        console = ConsoleServer.start(harness, jobs, "127.0.0.1", List.of());
        // only now, so that the first run does not end before the web side is up: serve reloads the folder within 2 s
        Files.writeString(jobs.resolve("password"), ApacheFtpServer.PASSWORD);
        JobFiles.write(jobs, "paced.yaml", "schedule: \"* * * * * ?\"", "bandwidthLimit: 2MB",
                "remote:", "  url: ftp://127.0.0.1:" + server.port() + "/pub", "  username: " + ApacheFtpServer.USER,
                "  passwordFile: password", "local:", "  path: ../target");
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

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return HistoryJson.mapper().readTree(response.body());
    }

    /** The first run of the job, once the history has it; then until it ended. */
    private RunRecord firstRun(boolean ended) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<RunRecord> runs = new RunHistory(harness.database().jdbc()).recentRuns("paced", 100);
            if (!runs.isEmpty() && (!ended || runs.get(runs.size() - 1).status() != RunStatus.RUNNING)) {
                return runs.get(runs.size() - 1);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + (ended ? "ended " : "") + "run of paced within 60 s");
    }

    @Test
    void progressShowsTheFileInFlightThenTheEndAt100Percent() throws Exception {
        long runId = firstRun(false).runId();
        JsonNode midway = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/runs/" + runId + "/progress");
            JsonNode snapshot = json(response);
            if (response.statusCode() == 200 && snapshot.get("inFlight").size() > 0
                    && snapshot.get("inFlight").get(0).get("offset").asLong() > 0) {
                midway = snapshot;
                break;
            }
            if (response.statusCode() == 200 && !snapshot.get("status").asText().equals("RUNNING")) {
                break;
            }
            Thread.sleep(20);
        }
        RunRecord ended = firstRun(true);
        // the history closes the run a moment before its runner reports the end
        HttpResponse<String> atTheEnd = get("/api/runs/" + runId + "/progress");
        while (json(atTheEnd).get("status").asText().equals("RUNNING") && System.nanoTime() < deadline) {
            Thread.sleep(20);
            atTheEnd = get("/api/runs/" + runId + "/progress");
        }

        assertThat(midway).as("caught in flight").isNotNull();
        assertThat(midway.get("runId").asLong()).isEqualTo(runId);
        assertThat(midway.get("job").asText()).isEqualTo("paced");
        assertThat(midway.get("status").asText()).isEqualTo("RUNNING");
        assertThat(midway.get("bytesPlanned").asLong()).isEqualTo(BIG);
        assertThat(midway.get("inFlight").get(0).get("path").asText()).isEqualTo("big.bin");
        assertThat(midway.get("inFlight").get(0).get("size").asLong()).isEqualTo(BIG);
        assertThat(midway.get("percent").asDouble()).isLessThan(100);
        assertThat(ended.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(atTheEnd.statusCode()).isEqualTo(200);
        JsonNode end = json(atTheEnd);
        assertThat(end.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(end.get("percent").asDouble()).isEqualTo(100);
        assertThat(end.get("filesDone").asInt()).isEqualTo(1);
        assertThat(end.get("bytesDone").asLong()).isEqualTo(BIG);
        assertThat(end.get("inFlight")).isEmpty();
    }

    @Test
    void aRunNotRunningHereIsNotFoundWithAJsonBody() throws Exception {
        HttpResponse<String> response = get("/api/runs/999999/progress");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = json(response);
        assertThat(body.get("runId").asLong()).isEqualTo(999999);
        assertThat(body.get("running").asBoolean()).isFalse();
        assertThat(body.get("error").asText()).contains("not running on this node");
    }

    @Test
    void filesAnswersTheSameJsonAsTheCommandLine() throws Exception {
        long runId = firstRun(true).runId();

        HttpResponse<String> response = get("/api/files?job=paced&path=" + URLEncoder.encode("**/*.bin", StandardCharsets.UTF_8));
        HttpResponse<String> missingPath = get("/api/files");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode found = json(response);
        assertThat(found.get("match").asText()).isEqualTo("glob");
        assertThat(found.get("job").asText()).isEqualTo("paced");
        JsonNode first = found.get("events").get(found.get("events").size() - 1);
        assertThat(first.get("runId").asLong()).isEqualTo(runId);
        assertThat(first.get("path").asText()).isEqualTo("big.bin");
        assertThat(first.get("status").asText()).isEqualTo("DONE");
        assertThat(found.get("synced").get(0).get("size").asLong()).isEqualTo(BIG);
        assertThat(missingPath.statusCode()).isEqualTo(400);
        assertThat(json(missingPath).get("error").asText()).isEqualTo("path: empty path");
    }
}
