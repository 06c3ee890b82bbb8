package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM to {@code serve} in the middle of a file: a STOPPED run that the next fire resumes. */
class GracefulStopTest {

    private static final int SIZE = 16 << 20;

    @TempDir
    Path dir;

    @Test
    void sigtermMidFileLeavesAStoppedRunThatTheNextFireCompletesWithoutResendingDoneBytes() throws Exception {
        byte[] content = new byte[SIZE];
        new Random(5).nextBytes(content);
        Files.createDirectories(dir.resolve("served/big"));
        Files.write(dir.resolve("served/big/large.bin"), content);
        Path jobs = dir.resolve("jobs");
        Path partial = dir.resolve("mirror/big/.large.bin.filesync-part");
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        Map<String, String> environment = Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "FILESYNC_DB_URL", url);
        String everyTwoSeconds = "schedule: \"*/2 * * * * ?\"";

        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port())) {
            JobFiles.ftpJob(jobs, "big", server.port(), "big", everyTwoSeconds, "bandwidthLimit: 1MB");
            long arrived;
            try (ServeProcess first = ServeProcess.start(dir.resolve("node-a"), environment, jobs)) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> Files.exists(partial) && Files.size(partial) >= 5 << 20);
                assertThat(first.terminate(Duration.ofSeconds(30))).isZero();
                assertThat(partial).as(first.stderr()).exists();
                arrived = Files.size(partial);
            }
            assertThat(arrived).isLessThan(SIZE);
            assertThat(dir.resolve("mirror/big/large.bin")).doesNotExist();

            JobFiles.ftpJob(jobs, "big", proxy.port(), "big", everyTwoSeconds);
            try (ServeProcess second = ServeProcess.start(dir.resolve("node-b"), environment, jobs);
                 HistoryReader history = new HistoryReader(url, Map.of())) {
                RunRecord stopped = history.realRuns("big").get(0);
                assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
                assertThat(stopped.error()).contains("stop requested");
                TransferRecord unfinished = history.transfers(stopped.runId()).get(0);
                assertThat(unfinished.status()).isEqualTo(TransferStatus.IN_PROGRESS);
                assertThat(unfinished.bytesTransferred()).isEqualTo(arrived);

                await().atMost(Duration.ofSeconds(60)).until(() -> history.realRuns("big").stream()
                        .anyMatch(run -> run.status() == RunStatus.COMPLETED));
                assertThat(second.terminate(Duration.ofSeconds(30))).isZero();

                List<RunRecord> runs = history.realRuns("big");
                RunRecord resumed = runs.get(1);
                assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(resumed.trigger()).isEqualTo("schedule");
                assertThat(resumed.resumes()).isEqualTo(stopped.runId());
                TransferRecord done = history.transfers(resumed.runId()).get(0);
                assertThat(done.status()).isEqualTo(TransferStatus.DONE);
                assertThat(done.resumedFrom()).isEqualTo(arrived);
                assertThat(done.resumedFrom() + done.bytesTransferred()).isEqualTo(SIZE);
            }
            assertThat(Files.readAllBytes(dir.resolve("mirror/big/large.bin"))).isEqualTo(content);
            assertThat(partial).doesNotExist();
            long sentAgain = proxy.dataConnections().stream().mapToLong(FaultProxy.Relay::bytesToClient).sum();
            assertThat(sentAgain).isLessThanOrEqualTo(SIZE - arrived + (64 << 10));
        }
    }

    @Test
    void sigtermEndsServeWithinThirtySecondsWhenTheServerWentSilentMidFile() throws Exception {
        Files.createDirectories(dir.resolve("served/silent"));
        Files.write(dir.resolve("served/silent/big.bin"), new byte[8 << 20]);
        Path partial = dir.resolve("mirror/silent/.big.bin.filesync-part");
        String url = "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
        Map<String, String> environment = Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "FILESYNC_DB_URL", url);
        int stallAt = 3 << 20;
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port())) {
            proxy.failNextDataConnection(FaultProxy.Fault.stall(FaultProxy.Direction.TO_CLIENT, stallAt));
            JobFiles.ftpJob(dir.resolve("jobs"), "silent", proxy.port(), "silent", "schedule: \"*/2 * * * * ?\"",
                    "  idleTimeout: 120s");
            try (ServeProcess serve = ServeProcess.start(dir.resolve("node"), environment, dir.resolve("jobs"))) {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                        .until(() -> Files.exists(partial) && Files.size(partial) == stallAt);

                assertThat(serve.terminate(Duration.ofSeconds(30))).as(serve.stderr()).isZero();
            }
            assertThat(partial).hasSize(stallAt);
            try (HistoryReader history = new HistoryReader(url, Map.of())) {
                RunRecord stopped = history.realRuns("silent").get(0);
                assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
                assertThat(stopped.error()).isEqualTo("stop requested");
                TransferRecord unfinished = history.transfers(stopped.runId()).get(0);
                assertThat(unfinished.status()).isEqualTo(TransferStatus.IN_PROGRESS);
                assertThat(unfinished.bytesTransferred()).isEqualTo(stallAt);
            }
        }
    }
}
