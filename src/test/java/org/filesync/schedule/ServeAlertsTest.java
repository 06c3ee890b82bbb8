package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.filesync.history.HistoryJson;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.filesync.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} sends the alerts of the runs it fires, with the settings file's defaults. */
class ServeAlertsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void scheduledFailuresAlertOnceThenTheRecoveryIsSent() throws Exception {
        String databaseUrl = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             WebhookReceiver receiver = WebhookReceiver.start()) {
            JobFiles.write(dir, "filesync.yaml", "notify:", "  webhook: " + receiver.url());
            JobFiles.ftpJob(dir.resolve("jobs"), "tick", server.port(), "pub", "schedule: \"*/2 * * * * ?\"", "timezone: UTC");
            try (ServeProcess serve = ServeProcess.start(dir.resolve("node-a"), Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                    "FILESYNC_DB_URL", databaseUrl), dir.resolve("jobs"), "--node", "node-a");
                 HistoryReader history = new HistoryReader(databaseUrl, Map.of())) {
                await().atMost(PATIENCE).until(() -> history.realRuns("tick").stream()
                        .filter(run -> run.status() == RunStatus.FAILED).count() >= 3);
                List<JsonNode> failures = new ArrayList<>();
                while (receiver.waiting() > 0) {
                    failures.add(HistoryJson.mapper().readTree(receiver.next(PATIENCE).body()));
                }

                Files.createDirectories(dir.resolve("served/pub"));
                JsonNode recovery = HistoryJson.mapper().readTree(receiver.next(PATIENCE).body());
                assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();

                assertThat(failures).allSatisfy(alert -> {
                    assertThat(alert.get("event").asText()).isEqualTo("failure");
                    assertThat(alert.get("node").asText()).isEqualTo("node-a");
                });
                // a cold first run may overlap the next fire: that SKIPPED fire is a failure of its own
                assertThat(failures).as("the same failure again, within remindEvery")
                        .filteredOn(alert -> alert.get("run").get("status").asText().equals("FAILED")).hasSize(1);
                assertThat(recovery.get("event").asText()).isEqualTo("recovery");
            }
        }
    }
}
