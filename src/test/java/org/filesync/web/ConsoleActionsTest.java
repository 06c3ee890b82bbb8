package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.filesync.history.ActionLog;
import org.filesync.history.ActionRecord;
import org.filesync.history.HistoryJson;
import org.filesync.history.JobAction;
import org.filesync.settings.ConsoleRole;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.ConsoleClient;
import org.filesync.testing.ConsoleServer;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's actions over real HTTP against a real scheduler node and FTP server: who may act
 * (an operator with the session's CSRF token), what each action does, and that each is recorded
 * with the operator's name.
 */
class ConsoleActionsTest {

    private static final String OPS_PASSWORD = "ops-pw-8a1c";
    private static final String VIEWER_PASSWORD = "viewer-pw-2b7d";
    private static final Duration PATIENCE = Duration.ofSeconds(40);

    @TempDir
    static Path dir;

    private static ApacheFtpServer server;
    private static MirrorHarness harness;
    private static ConsoleServer console;

    @BeforeAll
    static void startConsoleWithJobs() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(served.resolve("hello.txt"), "hello");
        Files.write(served.resolve("big.bin"), new byte[6 << 20]);
        server = ApacheFtpServer.start(served.getParent());
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        Files.writeString(jobs.resolve("pw.txt"), ApacheFtpServer.PASSWORD);
        job(jobs, "nightly", "include: [\"hello.txt\"]", "schedule: \"0 30 2 * * ?\"");
        job(jobs, "adhoc", "include: [\"hello.txt\"]");
        job(jobs, "untouched", "include: [\"hello.txt\"]", "schedule: \"0 30 2 * * ?\"");
        job(jobs, "slow", "bandwidthLimit: 512KB");
        harness = new MirrorHarness(dir);
        console = ConsoleServer.start(harness, jobs, "127.0.0.1", List.of(
                ConsoleServer.user("ops", OPS_PASSWORD, ConsoleRole.OPERATOR),
                ConsoleServer.user("watcher", VIEWER_PASSWORD, ConsoleRole.VIEWER)));
    }

    @AfterAll
    static void stop() throws Exception {
        console.close();
        server.close();
    }

    private static void job(Path jobs, String name, String... extra) {
        List<String> lines = new ArrayList<>(List.of("remote:",
                "  url: ftp://" + ApacheFtpServer.USER + "@127.0.0.1:" + server.port() + "/pub",
                "  passwordFile: pw.txt", "local:", "  path: ../mirror/" + name));
        lines.addAll(List.of(extra));
        JobFiles.write(jobs, name + ".yaml", lines.toArray(String[]::new));
    }

    private static ConsoleClient loggedIn(String user, String password) throws Exception {
        ConsoleClient client = console.client();
        assertThat(client.login(user, password).headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client;
    }

    private static JsonNode json(String body) throws Exception {
        return HistoryJson.mapper().readTree(body);
    }

    private static boolean paused(String job) throws Exception {
        JsonNode jobs = json(console.client().get("/api/jobs").body());
        return StreamSupport.stream(jobs.spliterator(), false).filter(status -> status.get("name").asText().equals(job))
                .findFirst().orElseThrow().get("paused").asBoolean();
    }

    private static List<JsonNode> runs(String job) throws Exception {
        return StreamSupport.stream(json(console.client().get("/api/runs?job=" + job + "&limit=100").body()).spliterator(), false)
                .toList();
    }

    private static List<ActionRecord> actions(String job) {
        return new ActionLog(harness.database().jdbc()).ofJob(job, 100);
    }

    @Test
    void onlyAnOperatorWithTheSessionsTokenMayActAndARefusedRequestChangesNothing() throws Exception {
        ConsoleClient anyone = console.client();
        ConsoleClient viewer = loggedIn("watcher", VIEWER_PASSWORD);
        ConsoleClient operator = loggedIn("ops", OPS_PASSWORD);

        assertThat(anyone.postWithToken("/api/jobs/untouched/pause", Map.of()).statusCode()).isEqualTo(401);
        assertThat(anyone.postWithToken("/jobs/untouched/pause", Map.of()).headers().firstValue("Location").orElseThrow())
                .endsWith("/login");
        assertThat(operator.post("/api/jobs/untouched/pause", Map.of()).statusCode()).isEqualTo(403);
        assertThat(viewer.postWithToken("/api/jobs/untouched/pause", Map.of()).statusCode()).isEqualTo(403);
        assertThat(viewer.postWithToken("/api/jobs/untouched/run", Map.of()).statusCode()).isEqualTo(403);

        assertThat(paused("untouched")).isFalse();
        assertThat(actions("untouched")).isEmpty();
        assertThat(runs("untouched")).isEmpty();
    }

    @Test
    void theActionButtonsShowOnlyToAnOperator() throws Exception {
        String operators = loggedIn("ops", OPS_PASSWORD).get("/jobs/untouched").body();
        String viewers = loggedIn("watcher", VIEWER_PASSWORD).get("/jobs/untouched").body();
        String anyones = console.client().get("/jobs/untouched").body();

        assertThat(operators).contains("id=\"run-now\"", "id=\"pause\"").doesNotContain("id=\"act-hint\"");
        for (String page : List.of(viewers, anyones)) {
            assertThat(page).doesNotContain("id=\"run-now\"", "id=\"pause\"").contains("id=\"act-hint\"", "href=\"/login\"");
        }
    }

    @Test
    void operatorPausesAndResumesASchedulePausedEverywhereTheConsoleShowsIt() throws Exception {
        ConsoleClient operator = loggedIn("ops", OPS_PASSWORD);

        var paused = operator.postWithToken("/api/jobs/nightly/pause", Map.of());
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(json(paused.body()).get("actor").asText()).isEqualTo("ops");
        assertThat(json(paused.body()).get("action").asText()).isEqualTo("pause");
        assertThat(paused("nightly")).isTrue();
        assertThat(operator.get("/jobs/nightly").body()).contains("badge PAUSED").contains("id=\"resume\"");
        assertThat(console.client().get("/").body()).contains("badge PAUSED");

        var resumedFromPage = operator.postWithToken("/jobs/nightly/resume", Map.of());
        assertThat(resumedFromPage.headers().firstValue("Location").orElseThrow()).endsWith("/jobs/nightly");
        assertThat(paused("nightly")).isFalse();
        assertThat(operator.get("/jobs/nightly").body()).doesNotContain("badge PAUSED").contains("id=\"pause\"");

        assertThat(actions("nightly")).extracting(ActionRecord::action, ActionRecord::actor)
                .containsExactlyInAnyOrder(tuple(JobAction.PAUSE, "ops"),
                        tuple(JobAction.RESUME, "ops"));
    }

    @Test
    void runNowFromTheJobPageIsAManualRunNamingTheOperator() throws Exception {
        ConsoleClient operator = loggedIn("ops", OPS_PASSWORD);

        var answer = operator.postWithToken("/jobs/adhoc/run", Map.of());

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(operator.get("/jobs/adhoc").body()).contains("id=\"notice\"");
        await().atMost(PATIENCE).until(() -> runs("adhoc").stream().anyMatch(run -> run.get("status").asText().equals("COMPLETED")));
        JsonNode run = runs("adhoc").get(0);
        assertThat(run.get("trigger").asText()).isEqualTo("manual");
        assertThat(run.get("startedBy").asText()).isEqualTo("ops");
        assertThat(dir.resolve("mirror/adhoc/hello.txt")).hasContent("hello");
        assertThat(actions("adhoc")).singleElement().satisfies(action -> assertThat(action.actor()).isEqualTo("ops"));
    }

    @Test
    void operatorStopsARunningRunWhichEndsStoppedAndNamesWhoStoppedIt() throws Exception {
        ConsoleClient operator = loggedIn("ops", OPS_PASSWORD);
        assertThat(operator.postWithToken("/api/jobs/slow/run", Map.of()).statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> runs("slow").stream().anyMatch(run -> run.get("status").asText().equals("RUNNING")));
        long runId = runs("slow").get(0).get("runId").asLong();
        assertThat(operator.get("/runs/" + runId).body()).contains("id=\"stop\"");
        assertThat(loggedIn("watcher", VIEWER_PASSWORD).get("/runs/" + runId).body())
                .doesNotContain("id=\"stop\"").contains("id=\"act-hint\"");

        var stopped = operator.postWithToken("/api/runs/" + runId + "/stop", Map.of());

        assertThat(stopped.statusCode()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> runs("slow").get(0).get("status").asText().equals("STOPPED"));
        String page = operator.get("/runs/" + runId).body();
        assertThat(page).contains("stop by ops").doesNotContain("id=\"stop\"");
        assertThat(operator.postWithToken("/api/runs/" + runId + "/stop", Map.of()).statusCode()).isEqualTo(409);
    }

    @Test
    void actionsOnWhatDoesNotExistAnswer404AndOnWhatCannotTakeThem409() throws Exception {
        ConsoleClient operator = loggedIn("ops", OPS_PASSWORD);

        assertThat(operator.postWithToken("/api/jobs/no-such-job/run", Map.of()).statusCode()).isEqualTo(404);
        assertThat(operator.postWithToken("/api/runs/999999/stop", Map.of()).statusCode()).isEqualTo(404);
        var manualPause = operator.postWithToken("/api/jobs/adhoc/pause", Map.of());
        assertThat(manualPause.statusCode()).isEqualTo(409);
        assertThat(json(manualPause.body()).get("error").asText()).contains("no schedule");
        var refusedFromPage = operator.postWithToken("/jobs/adhoc/pause", Map.of());
        assertThat(refusedFromPage.statusCode()).isEqualTo(302);
        assertThat(operator.get("/jobs/adhoc").body()).contains("id=\"refusal\"").contains("no schedule");
    }
}
