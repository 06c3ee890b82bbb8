package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a large file, then run again: the file completes, only about the
 * remainder crosses the wire, and the history shows the interrupted run and the one that resumed it.
 */
class CrashResumeTest {

    private static final int SIZE = 24 << 20;

    @TempDir
    Path dir;

    @Test
    void resumesLargeFileAfterKillNineWithoutResendingWhatArrived() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served"));
        byte[] content = new byte[SIZE];
        new Random(3).nextBytes(content);
        Files.write(served.resolve("large.bin"), content);
        Path partial = dir.resolve("mirror/big/.large.bin.filesync-part");

        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port())) {
            FilesyncProcess filesync = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                    "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));
            JobFiles.ftpJob(dir.resolve("jobs"), "big", server.port(), "", "bandwidthLimit: 3MB");

            Process first = filesync.start(List.of("run", "big"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!(Files.exists(partial) && Files.size(partial) > 8 << 20)) {
                assertThat(first.isAlive()).as("the first run ended before it could be killed").isTrue();
                assertThat(System.nanoTime()).as("the partial file never grew").isLessThan(deadline);
                Thread.sleep(50);
            }
            first.destroyForcibly().waitFor();
            long hadArrived = Files.size(partial);
            assertThat(dir.resolve("mirror/big/large.bin")).doesNotExist();

            JobFiles.ftpJob(dir.resolve("jobs"), "big", proxy.port(), "");
            FilesyncProcess.Result second = filesync.run("run", "big", "--json");

            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(Files.readAllBytes(dir.resolve("mirror/big/large.bin"))).isEqualTo(content);
            assertThat(partial).doesNotExist();
            long sentAgain = proxy.dataConnections().stream().mapToLong(FaultProxy.Relay::bytesToClient).sum();
            assertThat(sentAgain).isLessThanOrEqualTo(SIZE - hadArrived + (1 << 20)).isGreaterThan(0);

            JsonNode resumed = JsonOutput.mapper().readTree(second.stdout());
            JsonNode runs = JsonOutput.mapper().readTree(filesync.run("history", "--json").stdout());
            JsonNode interrupted = runs.get(1);
            assertThat(interrupted.get("status").asText()).isEqualTo("FAILED");
            assertThat(interrupted.get("error").asText()).contains("interrupted");
            assertThat(resumed.get("resumes").asLong()).isEqualTo(interrupted.get("runId").asLong());

            JsonNode transfer = JsonOutput.mapper().readTree(filesync.run("show",
                    resumed.get("runId").asText(), "--json").stdout()).get("transfers").get(0);
            assertThat(transfer.get("status").asText()).isEqualTo("DONE");
            assertThat(transfer.get("resumedFrom").asLong()).isGreaterThanOrEqualTo(hadArrived - (4 << 20)).isPositive();
            assertThat(transfer.get("resumedFrom").asLong() + transfer.get("bytesTransferred").asLong()).isEqualTo(SIZE);
        }
    }
}
