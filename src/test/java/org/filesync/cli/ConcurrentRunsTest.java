package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several filesync processes on one H2 file, as an operator meets them. */
class ConcurrentRunsTest {

    @TempDir
    Path dir;

    private FilesyncProcess filesync() {
        return new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));
    }

    @Test
    void secondRunOfARunningJobExitsOneNamingTheRunWhileHistoryStillWorks() throws Exception {
        Files.createDirectories(dir.resolve("served/slow"));
        Files.write(dir.resolve("served/slow/big.bin"), new byte[12 << 20]);
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            // slow enough (about 24 s) that two more processes start and finish while it runs, even on a loaded machine
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow", "bandwidthLimit: 512KB");
            Process first = filesync().start(List.of("run", "slow"));
            Path partial = dir.resolve("mirror/slow/.big.bin.filesync-part");
            while (!Files.exists(partial)) {
                assertThat(first.isAlive()).isTrue();
                Thread.sleep(50);
            }
            FilesyncProcess other = new FilesyncProcess(Files.createDirectories(dir.resolve("second")),
                    Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                            "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));

            FilesyncProcess.Result second = other.run("--jobs", dir.resolve("jobs").toString(), "run", "slow", "--json");
            FilesyncProcess.Result history = other.run("history", "--json");

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.stderr()).contains("job slow is already running as run 1");
            assertThat(JsonOutput.mapper().readTree(second.stdout()).get("runningRunId").asLong()).isEqualTo(1);
            assertThat(history.exitCode()).as(history.stderr()).isZero();
            JsonNode runs = JsonOutput.mapper().readTree(history.stdout());
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0).get("status").asText()).isEqualTo("RUNNING");
            first.destroy();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aRunWithAFailedFileExitsOne() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/ok.txt"), "ok");
        Files.writeString(dir.resolve("served/pub/refused.txt"), "no");
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port())) {
            proxy.answerInstead("RETR pub/refused.txt", "550 refused.txt: Permission denied");
            JobFiles.ftpJob(dir.resolve("jobs"), "pub", proxy.port(), "pub");

            FilesyncProcess.Result run = filesync().run("run", "pub");

            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stdout()).contains("COMPLETED_WITH_ERRORS", "1 transferred", "1 failed", "filesync show 1");
            assertThat(run.stderr()).contains("pub/refused.txt", "550");
        }
    }
}
