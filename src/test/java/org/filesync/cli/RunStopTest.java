package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.jobs.JobCatalog;
import org.filesync.schedule.IdleScheduler;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to {@code run}, or a stop asked from another process, on the default kind of database (an
 * H2 file): the run is recorded STOPPED, not left RUNNING.
 */
class RunStopTest {

    @TempDir
    Path dir;

    @Test
    void sigtermEndsARunAsStoppedMidFileAndTheNextRunResumesIt() throws Exception {
        Files.createDirectories(dir.resolve("served/slow"));
        Files.write(dir.resolve("served/slow/big.bin"), new byte[12 << 20]);
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        FilesyncProcess filesync = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                "FILESYNC_DB_URL", url));
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow", "bandwidthLimit: 2MB");
            Process run = filesync.start(List.of("run", "slow"));
            Path partial = dir.resolve("mirror/slow/.big.bin.filesync-part");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(partial) && Files.size(partial) > 2 << 20);

            run.destroy();

            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).isEqualTo(ExitCode.FAILED);
            long arrived = Files.size(partial);
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow");
            FilesyncProcess.Result again = filesync.run("run", "slow");
            assertThat(again.exitCode()).as(again.all()).isZero();
            try (HistoryReader history = new HistoryReader(url, Map.of())) {
                List<RunRecord> runs = history.runs("slow");
                assertThat(runs.get(0).status()).isEqualTo(RunStatus.STOPPED);
                assertThat(runs.get(0).error()).isEqualTo("stop requested");
                assertThat(runs.get(1).resumes()).isEqualTo(runs.get(0).runId());
                TransferRecord resumed = history.transfers(runs.get(1).runId()).get(0);
                assertThat(resumed.resumedFrom()).isEqualTo(arrived);
            }
        }
    }

    @Test
    void stopAskedFromAnotherProcessEndsTheRunStoppedRecordsWhoAndTheNextRunResumesIt() throws Exception {
        Files.createDirectories(dir.resolve("served/slow"));
        Files.write(dir.resolve("served/slow/big.bin"), new byte[12 << 20]);
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        FilesyncProcess filesync = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                "FILESYNC_DB_URL", url));
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             HistoryReader history = new HistoryReader(url, Map.of())) {
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow", "bandwidthLimit: 2MB");
            Process run = filesync.start(List.of("run", "slow"));
            Path partial = dir.resolve("mirror/slow/.big.bin.filesync-part");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(partial) && Files.size(partial) > 2 << 20);
            long runId = history.runs("slow").get(0).runId();

            try (IdleScheduler schedules = IdleScheduler.open(history.database())) {
                schedules.control(JobCatalog.load(dir.resolve("jobs"))).stop(runId, "alice");
            }

            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(filesync.collect(run).all()).isEqualTo(ExitCode.FAILED);
            long arrived = Files.size(partial);
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow");
            FilesyncProcess.Result again = filesync.run("run", "slow");
            assertThat(again.exitCode()).as(again.all()).isZero();
            List<RunRecord> runs = history.runs("slow");
            assertThat(runs.get(0).status()).isEqualTo(RunStatus.STOPPED);
            assertThat(runs.get(0).error()).isEqualTo("stop requested");
            assertThat(runs.get(0).startedBy()).startsWith("cli:");
            assertThat(runs.get(1).resumes()).isEqualTo(runId);
            assertThat(history.transfers(runs.get(1).runId()).get(0).resumedFrom()).isEqualTo(arrived);
            FilesyncProcess.Result shown = filesync.run("show", String.valueOf(runId), "--json");
            JsonNode stop = new ObjectMapper().readTree(shown.stdout()).get("actions").get(0);
            assertThat(stop.get("action").asText()).isEqualTo("stop");
            assertThat(stop.get("actor").asText()).isEqualTo("alice");
            assertThat(stop.get("runId").asLong()).isEqualTo(runId);
        }
    }

    @Test
    void sigtermEndsARunWithinThirtySecondsWhenTheServerWentSilentMidFile() throws Exception {
        Files.createDirectories(dir.resolve("served/silent"));
        Files.write(dir.resolve("served/silent/big.bin"), new byte[8 << 20]);
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        FilesyncProcess filesync = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                "FILESYNC_DB_URL", url));
        int stallAt = 3 << 20;
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port())) {
            proxy.failNextDataConnection(FaultProxy.Fault.stall(FaultProxy.Direction.TO_CLIENT, stallAt));
            JobFiles.ftpJob(dir.resolve("jobs"), "silent", proxy.port(), "silent", "  idleTimeout: 120s");
            Process run = filesync.start(List.of("run", "silent"));
            Path partial = dir.resolve("mirror/silent/.big.bin.filesync-part");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(partial) && Files.size(partial) == stallAt);

            run.destroy();

            boolean exited = run.waitFor(30, TimeUnit.SECONDS);
            if (!exited) {
                run.destroyForcibly().waitFor();
            }
            assertThat(exited).as("exited within 30 s of SIGTERM").isTrue();
            assertThat(run.exitValue()).as(filesync.collect(run).all()).isEqualTo(ExitCode.FAILED);
            assertThat(partial).hasSize(stallAt);
            try (HistoryReader history = new HistoryReader(url, Map.of())) {
                RunRecord stopped = history.runs("silent").get(0);
                assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
                assertThat(stopped.error()).isEqualTo("stop requested");
                TransferRecord unfinished = history.transfers(stopped.runId()).get(0);
                assertThat(unfinished.status()).isEqualTo(TransferStatus.IN_PROGRESS);
                assertThat(unfinished.bytesTransferred()).isEqualTo(stallAt);
            }
        }
    }
}
