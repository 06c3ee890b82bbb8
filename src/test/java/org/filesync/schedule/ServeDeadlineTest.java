package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.filesync.history.HistoryJson;
import org.filesync.history.NotificationRecord;
import org.filesync.history.RunHistory;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.filesync.testing.WebhookReceiver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} alerts a missed deadline once, after it passed, and stays silent for a job whose
 * run completed in time: two jobs fire 45 s before a deadline one to two minutes ahead, in a zone
 * that is not UTC; one's FTP server is down.
 */
class ServeDeadlineTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Kolkata");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void missedDeadlineIsAlertedOnceAfterItPassedAndAMetOneNever() throws Exception {
        Instant due = Instant.now().plusSeconds(75).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        ZonedDateTime fire = due.minusSeconds(45).atZone(ZONE);
        String cron = "schedule: \"" + fire.getSecond() + " " + fire.getMinute() + " " + fire.getHour() + " * * ?\"";
        String databaseUrl = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        Map<String, String> environment = Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "FILESYNC_DB_URL", databaseUrl);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             WebhookReceiver receiver = WebhookReceiver.start()) {
            Files.createDirectories(dir.resolve("served/pub"));
            JobFiles.write(dir, "filesync.yaml", "notify:", "  on: [failure, success, deadline]", "  webhook: " + receiver.url(),
                    "  deadline: \"" + DateTimeFormatter.ofPattern("HH:mm").format(due.atZone(ZONE)) + "\"");
            JobFiles.ftpJob(dir.resolve("jobs"), "late", closedPort, "pub", cron, "timezone: " + ZONE);
            JobFiles.ftpJob(dir.resolve("jobs"), "punctual", server.port(), "pub", cron, "timezone: " + ZONE);

            long failedRun = 0;
            try (ServeProcess serve = ServeProcess.start(dir.resolve("node-a"), environment, dir.resolve("jobs"),
                    "--node", "node-a")) {
                Map<String, String> runEnds = new HashMap<>();
                for (int alerts = 0; alerts < 2; alerts++) {
                    JsonNode runEnd = HistoryJson.mapper().readTree(receiver.next(PATIENCE).body());
                    runEnds.put(runEnd.get("job").asText(), runEnd.get("event").asText());
                    if (runEnd.get("job").asText().equals("late")) {
                        failedRun = runEnd.get("run").get("runId").asLong();
                    }
                }
                assertThat(Instant.now()).as("both runs ended before the deadline").isBefore(due);
                assertThat(runEnds).as("the alerts before the deadline")
                        .isEqualTo(Map.of("late", "failure", "punctual", "success"));

                JsonNode alert = HistoryJson.mapper().readTree(receiver.next(PATIENCE).body());
                assertThat(Instant.now()).as("when the deadline alert arrived").isAfterOrEqualTo(due);
                assertThat(alert.get("event").asText()).isEqualTo("deadline");
                assertThat(alert.get("job").asText()).isEqualTo("late");
                assertThat(alert.get("run").get("runId").asLong()).isEqualTo(failedRun);
                assertThat(alert.get("run").get("status").asText()).isEqualTo("FAILED");
                assertThat(alert.get("run").get("fireTime").asText()).isEqualTo(fire.toInstant().toString());
                assertThat(alert.get("node").asText()).isEqualTo("node-a");
                assertThat(alert.get("url").isNull()).isTrue();
                assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
            }
            assertThat(receiver.waiting()).as("alerts besides the late job's one").isZero();

            // serve checks the deadlines once before it is ready: a restart does not send the alert again
            try (ServeProcess again = ServeProcess.start(dir.resolve("node-b"), environment, dir.resolve("jobs"),
                    "--node", "node-b")) {
                assertThat(again.terminate(Duration.ofSeconds(30))).isZero();
            }
            assertThat(receiver.waiting()).as("alerts after a restart").isZero();
            try (HistoryReader history = new HistoryReader(databaseUrl, Map.of())) {
                List<NotificationRecord> recorded = new RunHistory(history.jdbc()).notifications(failedRun);
                assertThat(recorded).extracting(NotificationRecord::event).containsExactly("failure", "deadline");
                assertThat(recorded.get(1).sentAt()).as("the deadline alert's delivery").isNotNull();
            }
        }
    }
}
