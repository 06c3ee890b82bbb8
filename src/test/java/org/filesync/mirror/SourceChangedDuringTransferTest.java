package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobDefinition;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A source file written while it is downloaded: the job's bandwidth limit paces the download, and
 * a writer appends to the served file once the partial file holds its first bytes.
 */
class SourceChangedDuringTransferTest {

    private static final int SIZE = 2 << 20;

    @TempDir
    Path dir;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("Apache FtpServer (MLSD)", ApacheFtpServer::start)),
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("vsftpd (LIST + MDTM)", VsftpdServer::start)));
    }

    /** Appends to {@code served} once the download's partial file has begun: once, or until interrupted. */
    private static Thread appender(Path served, Path partial, boolean keepWriting) {
        Thread writer = new Thread(() -> {
            try {
                while (!Files.exists(partial) || Files.size(partial) == 0) {
                    Thread.sleep(10);
                }
                do {
                    Files.write(served, new byte[1024], StandardOpenOption.APPEND);
                    Thread.sleep(50);
                } while (keepWriting);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "test-appender");
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    /** A file last written ten minutes ago: old enough for any append to move its time, recent enough for MDTM checks of LIST. */
    private static Path servedFile(FtpServerFixture server) throws Exception {
        Path served = Files.createDirectories(server.localRoot().resolve("src")).resolve("big.bin");
        byte[] bytes = new byte[SIZE];
        new Random(3).nextBytes(bytes);
        Files.write(served, bytes);
        Files.setLastModifiedTime(served, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        return served;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void fileStillBeingWrittenIsRetriedOnceThenFailsAndNeverReachesItsFinalName(Function<Path, FtpServerFixture> start)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path served = servedFile(server);
            Path target = dir.resolve("target");
            Thread writer = appender(served, target.resolve(SafePaths.partialName("big.bin")), true);
            RunRecord run;
            try {
                run = harness.run(harness.job("growing", server, "download", "src", target, "bandwidthLimit: 1MB"));
            } finally {
                writer.interrupt();
                writer.join();
            }

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            TransferRecord big = harness.transfer(run.runId(), "big.bin");
            assertThat(big.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(big.message()).isEqualTo("source changed during transfer");
            assertThat(big.attempts()).isEqualTo(2);
            assertThat(target.resolve("big.bin")).doesNotExist();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void fileChangedOnceDuringTheTransferIsFetchedAgainWhole(Function<Path, FtpServerFixture> start) throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path served = servedFile(server);
            Path target = dir.resolve("target");
            Thread writer = appender(served, target.resolve(SafePaths.partialName("big.bin")), false);

            JobDefinition job = harness.job("rewritten", server, "download", "src", target, "bandwidthLimit: 1MB");
            RunRecord run = harness.run(job);
            writer.join();
            RunRecord recheck = harness.run(job);

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            TransferRecord big = harness.transfer(run.runId(), "big.bin");
            assertThat(big.status()).isEqualTo(TransferStatus.DONE);
            assertThat(big.attempts()).isEqualTo(2);
            assertThat(Files.mismatch(target.resolve("big.bin"), served)).isEqualTo(-1);
            assertThat(recheck.filesTransferred()).as("the catalog holds the version fetched, not the one first listed")
                    .isZero();
        }
    }
}
