package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job files added, changed, broken and removed while {@code serve} runs: the triggers follow, no restart. */
class JobFolderReloadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void schedulesFollowJobFilesAddedChangedBrokenAndRemovedWhileServing() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/hello.txt"), "hello");
        Path jobs = Files.createDirectories(dir.resolve("jobs"));
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             ServeProcess serve = ServeProcess.start(dir.resolve("node"),
                     Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "FILESYNC_DB_URL", url), jobs);
             HistoryReader history = new HistoryReader(url, Map.of())) {
            assertThat(serve.scheduledAtStart()).isZero();

            JobFiles.ftpJob(jobs, "added", server.port(), "pub", "schedule: \"*/2 * * * * ?\"");
            await().atMost(PATIENCE).until(() -> cron(history, "added").equals(Optional.of("*/2 * * * * ?")));
            await().atMost(PATIENCE).until(() -> history.realRuns("added").stream()
                    .anyMatch(run -> run.status() == RunStatus.COMPLETED));

            JobFiles.ftpJob(jobs, "added", server.port(), "pub", "schedule: \"0 0 3 * * ?\"");
            await().atMost(PATIENCE).until(() -> cron(history, "added").equals(Optional.of("0 0 3 * * ?")));

            JobFiles.ftpJob(jobs, "added", server.port(), "pub", "schedule: \"0 0 4 * * ?\"", "parallel: -1");
            String error = jobs.resolve("added.yaml") + ":7: parallel: must be at least 1, not -1";
            await().atMost(PATIENCE).until(() -> serve.stderr().contains(error));
            assertThat(cron(history, "added")).contains("0 0 3 * * ?");
            // Another change reloads the folder again: the unchanged error is not logged again.
            JobFiles.ftpJob(jobs, "other", server.port(), "pub", "schedule: \"0 0 5 * * ?\"");
            await().atMost(PATIENCE).until(() -> cron(history, "other").isPresent());
            assertThat(occurrences(serve.stderr(), error)).isOne();

            Files.delete(jobs.resolve("added.yaml"));
            await().atMost(PATIENCE).until(() -> cron(history, "added").isEmpty());

            assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
            assertThat(occurrences(serve.stderr(), error)).isOne();
            assertThat(serve.stderr()).contains("job added unscheduled: its job file is gone");
        }
    }

    private static int occurrences(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static Optional<String> cron(HistoryReader history, String job) {
        return history.jdbc().sql("SELECT CRON_EXPRESSION FROM QRTZ_CRON_TRIGGERS WHERE TRIGGER_NAME = :job")
                .param("job", job).query(String.class).optional();
    }
}
