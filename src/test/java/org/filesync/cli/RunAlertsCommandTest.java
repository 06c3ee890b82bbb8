package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.JobFiles;
import org.filesync.testing.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filesync run} sends its run's alert, waits a bounded time for it, and {@code show} lists it. */
class RunAlertsCommandTest {

    private static final String TOKEN = "t0k3n-9a8b7c";

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() {
        // the job's remote folder does not exist: every run fails
        server = ApacheFtpServer.start(dir.resolve("served"));
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stop() {
        receiver.close();
        server.close();
    }

    private FilesyncProcess filesync(String hookUrl) {
        return new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "HOOK_URL", hookUrl,
                "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));
    }

    private long failingRun(FilesyncProcess filesync) throws Exception {
        JobFiles.ftpJob(dir.resolve("jobs"), "pub", server.port(), "pub", "notify: {webhook: '${HOOK_URL}'}");
        FilesyncProcess.Result run = filesync.run("run", "pub", "--json");
        assertThat(run.exitCode()).as(run.stderr()).isEqualTo(1);
        assertThat(run.all()).doesNotContain(TOKEN);
        return JsonOutput.mapper().readTree(run.stdout()).get("runId").asLong();
    }

    @Test
    void runSendsItsFailureAlertAndShowListsIt() throws Exception {
        FilesyncProcess filesync = filesync(receiver.url() + "?token=" + TOKEN);

        long runId = failingRun(filesync);

        assertThat(JsonOutput.mapper().readTree(receiver.next(Duration.ofSeconds(5)).body()).get("event").asText())
                .isEqualTo("failure");
        JsonNode shown = JsonOutput.mapper().readTree(filesync.run("show", String.valueOf(runId), "--json").stdout());
        JsonNode notification = shown.get("notifications").get(0);
        Set<String> keys = new java.util.HashSet<>();
        notification.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("channel", "event", "status", "attempts", "error", "sentAt");
        assertThat(notification.get("channel").asText()).isEqualTo("webhook");
        assertThat(notification.get("event").asText()).isEqualTo("failure");
        assertThat(notification.get("status").asText()).isEqualTo("SENT");
        assertThat(notification.get("attempts").asInt()).isEqualTo(1);
        assertThat(notification.get("error").isNull()).isTrue();
        assertThat(notification.get("sentAt").asText()).endsWith("Z");
        FilesyncProcess.Result show = filesync.run("show", String.valueOf(runId));
        assertThat(show.stdout()).containsPattern("failure +webhook +SENT +1 +\\d{4}-");
        assertThat(show.all()).doesNotContain(TOKEN);
    }

    @Test
    void deadReceiverHoldsTheProcessAtMostTenSecondsAndIsRecordedFailed() throws Exception {
        // accepts connections (into its backlog) and never answers
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            FilesyncProcess filesync = filesync("http://127.0.0.1:" + silent.getLocalPort() + "/hook?token=" + TOKEN);

            long started = System.nanoTime();
            long runId = failingRun(filesync);
            Duration process = Duration.ofNanos(System.nanoTime() - started);

            JsonNode shown = JsonOutput.mapper().readTree(filesync.run("show", String.valueOf(runId), "--json").stdout());
            JsonNode run = shown.get("run");
            Duration runItself = Duration.between(Instant.parse(run.get("startedAt").asText()),
                    Instant.parse(run.get("finishedAt").asText()));
            System.out.printf("dead receiver: filesync run took %d ms in all, its run %d ms%n", process.toMillis(),
                    runItself.toMillis());
            JsonNode notification = shown.get("notifications").get(0);
            assertThat(notification.get("status").asText()).isEqualTo("FAILED");
            assertThat(notification.get("error").asText()).startsWith("not delivered within 10 s of the run's end");
            assertThat(notification.get("sentAt").isNull()).isTrue();
            // generous, for a loaded machine: the JVM's start, the run, and the 10 s wait
            assertThat(process).isLessThan(Duration.ofSeconds(60));
        }
    }
}
