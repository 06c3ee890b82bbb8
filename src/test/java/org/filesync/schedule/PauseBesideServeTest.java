package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filesync pause} and {@code resume} from another process, beside {@code serve} on the same H2 file. */
class PauseBesideServeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void pauseFromTheCommandLineStopsServesFiresUntilResume() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/hello.txt"), "hello");
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        Map<String, String> environment = Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "FILESYNC_DB_URL", url);
        FilesyncProcess cli = new FilesyncProcess(Files.createDirectories(dir.resolve("cli")), environment);
        String jobs = dir.resolve("jobs").toString();
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "tick", server.port(), "pub", "schedule: \"*/2 * * * * ?\"");
            try (ServeProcess serve = ServeProcess.start(dir.resolve("node"), environment, dir.resolve("jobs"));
                 HistoryReader history = new HistoryReader(url, Map.of())) {
                await().atMost(PATIENCE).until(() -> history.realRuns("tick").stream()
                        .anyMatch(run -> run.status() == RunStatus.COMPLETED));

                FilesyncProcess.Result paused = cli.run("--jobs", jobs, "pause", "tick");
                await().atMost(PATIENCE).until(() -> history.runs("tick").stream()
                        .noneMatch(run -> run.status() == RunStatus.RUNNING));
                int runsWhenPaused = history.runs("tick").size();
                FilesyncProcess.Result listed = cli.run("--jobs", jobs, "jobs", "--json");
                Thread.sleep(4_000);
                int runsAfterWaiting = history.runs("tick").size();
                FilesyncProcess.Result resumed = cli.run("--jobs", jobs, "resume", "tick");
                await().atMost(PATIENCE).until(() -> history.runs("tick").size() > runsAfterWaiting);

                assertThat(paused.exitCode()).as(paused.all()).isZero();
                assertThat(resumed.exitCode()).as(resumed.all()).isZero();
                assertThat(runsAfterWaiting).isEqualTo(runsWhenPaused);
                assertThat(new ObjectMapper().readTree(listed.stdout()).get(0).get("paused").asBoolean()).isTrue();
                assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
            }
        }
    }
}
