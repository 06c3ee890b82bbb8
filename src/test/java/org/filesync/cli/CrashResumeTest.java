package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.FtpServers;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 in the middle of a large file, then run again: the file completes, only about the
 * remainder crosses the wire, and the history shows the interrupted run and the one that resumed it.
 * A segmented download resumes each of its ranges where it stopped.
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

    @ParameterizedTest
    @EnumSource(value = FtpServers.class, names = {"APACHE_FTPSERVER", "VSFTPD", "PURE_FTPD"})
    void resumesEverySegmentWhereItStoppedAfterKillNine(FtpServers kind) throws Exception {
        byte[] content = new byte[SIZE];
        new Random(4).nextBytes(content);
        Path stamp = dir.resolve("mirror/big/.large.bin.filesync-stamp");
        String[] segmented = {"parallel: 4", "segments: 4", "segmentMinSize: 4MB"};

        try (FtpServerFixture server = kind.start(dir);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port())) {
            Files.write(Files.createDirectories(server.localRoot().resolve("pub")).resolve("large.bin"), content);
            FilesyncProcess filesync = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", server.password(),
                    "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));
            JobFiles.ftpJob(dir.resolve("jobs"), "big", server, server.port(), "pub",
                    Stream.concat(Stream.of(segmented), Stream.of("bandwidthLimit: 3MB")).toArray(String[]::new));

            Process first = filesync.start(List.of("run", "big"));
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (arrived(ranges(stamp)) < 8 << 20) {
                assertThat(first.isAlive()).as("the first run ended before it could be killed").isTrue();
                assertThat(System.nanoTime()).as("the segments never got far").isLessThan(deadline);
                Thread.sleep(50);
            }
            first.destroyForcibly().waitFor();
            List<long[]> recorded = ranges(stamp);
            assertThat(recorded).hasSize(4);
            assertThat(dir.resolve("mirror/big/large.bin")).doesNotExist();

            JobFiles.ftpJob(dir.resolve("jobs"), "big", server, proxy.port(), "pub", segmented);
            FilesyncProcess.Result second = filesync.run("run", "big", "--json");

            assertThat(second.exitCode()).as(second.all()).isZero();
            assertThat(Files.readAllBytes(dir.resolve("mirror/big/large.bin"))).isEqualTo(content);
            assertThat(stamp).doesNotExist();
            List<Long> rests = proxy.commands().stream().filter(command -> command.startsWith("REST "))
                    .map(command -> Long.parseLong(command.substring(5))).toList();
            assertThat(rests).as("each unfinished range resumed where the journal says it stopped")
                    .containsExactlyInAnyOrderElementsOf(recorded.stream().filter(range -> range[2] > 0 && range[2] < range[1])
                            .map(range -> range[2]).toList());
            // counted from what filesync took: the proxy also relays what the server sent past a
            // range's end before the early close reached it (a receive buffer's worth per range)
            JsonNode transfer = JsonOutput.mapper().readTree(filesync.run("show",
                    JsonOutput.mapper().readTree(second.stdout()).get("runId").asText(), "--json").stdout())
                    .get("transfers").get(0);
            assertThat(transfer.get("bytesTransferred").asLong()).isEqualTo(SIZE - arrived(recorded));
        }
    }

    /** The ranges {start, end, position} a segmented download's stamp records; none while there is no stamp. */
    private static List<long[]> ranges(Path stamp) throws IOException {
        try {
            return Files.readAllLines(stamp).stream().filter(line -> line.startsWith("segment "))
                    .map(line -> line.split(" "))
                    .filter(words -> words.length == 4)
                    .map(words -> new long[] {Long.parseLong(words[1]), Long.parseLong(words[2]), Long.parseLong(words[3])})
                    .toList();
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    private static long arrived(List<long[]> ranges) {
        return ranges.stream().mapToLong(range -> range[2] - range[0]).sum();
    }
}
