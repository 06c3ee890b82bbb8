package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FaultProxy.Direction;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial file carries a stamp of the source version it holds, so it resumes when the database
 * has no record of it (here: a new database), and is sent whole when the source changed since.
 */
class PartialStampResumeTest {

    private static final int SIZE = 8 << 20;
    private static final long CUT_AT = 3_000_000;

    @TempDir
    Path dir;

    @Test
    void downloadResumesFromAPartialFileTheDatabaseDoesNotKnow() throws Exception {
        byte[] content = content(1, SIZE);
        Path served = serve(content);
        long partial = cutDownloadThenForgetTheDatabase(served);
        assertThat(partial).isPositive().isLessThan(SIZE);

        TransferRecord transfer = downloadAgain(served);

        assertThat(transfer.resumedFrom()).isEqualTo(partial);
        assertThat(transfer.bytesTransferred()).isEqualTo(SIZE - partial);
        assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
        assertThat(workingFiles(dir.resolve("target"))).isZero();
    }

    @Test
    void downloadOfASourceWhoseTimeChangedSinceThePartialIsSentWhole() throws Exception {
        byte[] content = content(2, SIZE);
        Path served = serve(content);
        cutDownloadThenForgetTheDatabase(served);
        Files.setLastModifiedTime(served.resolve("big.bin"), FileTime.from(Instant.now().minus(3, ChronoUnit.DAYS)));

        TransferRecord transfer = downloadAgain(served);

        assertThat(transfer.resumedFrom()).isZero();
        assertThat(transfer.bytesTransferred()).isEqualTo(SIZE);
        assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
    }

    @Test
    void downloadOfASourceWhoseSizeChangedSinceThePartialIsSentWhole() throws Exception {
        Path served = serve(content(3, SIZE));
        cutDownloadThenForgetTheDatabase(served);
        byte[] changed = content(4, SIZE + 1000);
        Instant time = Files.getLastModifiedTime(served.resolve("big.bin")).toInstant();
        Files.write(served.resolve("big.bin"), changed);
        Files.setLastModifiedTime(served.resolve("big.bin"), FileTime.from(time));

        TransferRecord transfer = downloadAgain(served);

        assertThat(transfer.resumedFrom()).isZero();
        assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(changed);
    }

    @Test
    void uploadResumesFromARemotePartialFileTheDatabaseDoesNotKnow() throws Exception {
        byte[] content = content(5, SIZE);
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.write(source.resolve("big.bin"), content);
        Path served = Files.createDirectories(dir.resolve("server"));
        long partial = cutUploadThenForgetTheDatabase(served, source);
        assertThat(partial).isPositive().isLessThan(SIZE);

        TransferRecord transfer = uploadAgain(served, source);

        assertThat(transfer.resumedFrom()).isEqualTo(partial);
        assertThat(transfer.bytesTransferred()).isEqualTo(SIZE - partial);
        assertThat(Files.readAllBytes(served.resolve("up/big.bin"))).isEqualTo(content);
        assertThat(workingFiles(served.resolve("up"))).isZero();
    }

    @Test
    void uploadOfALocalFileThatChangedSinceThePartialIsSentWhole() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        Files.write(source.resolve("big.bin"), content(6, SIZE));
        Path served = Files.createDirectories(dir.resolve("server"));
        cutUploadThenForgetTheDatabase(served, source);
        byte[] changed = content(7, SIZE);
        Files.write(source.resolve("big.bin"), changed);
        Files.setLastModifiedTime(source.resolve("big.bin"), FileTime.from(Instant.now().plusSeconds(120)));

        TransferRecord transfer = uploadAgain(served, source);

        assertThat(transfer.resumedFrom()).isZero();
        assertThat(Files.readAllBytes(served.resolve("up/big.bin"))).isEqualTo(changed);
    }

    /** @return the size of the partial file the cut left */
    private long cutDownloadThenForgetTheDatabase(Path served) throws Exception {
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.failNextDataConnection(FaultProxy.Fault.cut(Direction.TO_CLIENT, CUT_AT));
            RunRecord run = harness.run(harness.job("down", server, proxy.port(), "download", "", dir.resolve("target"),
                    "retries: 0"));
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        }
        forgetTheDatabase();
        return Files.size(dir.resolve("target/.big.bin.filesync-part"));
    }

    private TransferRecord downloadAgain(Path served) throws Exception {
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("down", server, "download", "", dir.resolve("target")));
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.resumes()).as("a new database knows no earlier run").isNull();
            return harness.transfer(run.runId(), "big.bin");
        }
    }

    /** @return the size of the partial file the cut left on the server */
    private long cutUploadThenForgetTheDatabase(Path served, Path source) throws Exception {
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.failNextDataConnection(FaultProxy.Fault.cut(Direction.TO_SERVER, CUT_AT));
            RunRecord run = harness.run(harness.job("up", server, proxy.port(), "upload", "up", source, "retries: 0"));
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
        }
        forgetTheDatabase();
        return Files.size(served.resolve("up/.big.bin.filesync-part"));
    }

    private TransferRecord uploadAgain(Path served, Path source) throws Exception {
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("up", server, "upload", "up", source));
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            return harness.transfer(run.runId(), "big.bin");
        }
    }

    private void forgetTheDatabase() throws IOException {
        try (var files = Files.walk(dir.resolve("db"))) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private Path serve(byte[] content) throws IOException {
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("big.bin"), content);
        Files.setLastModifiedTime(served.resolve("big.bin"), FileTime.from(Instant.now().minus(1, ChronoUnit.DAYS)));
        return served;
    }

    private static byte[] content(int seed, int size) {
        byte[] content = new byte[size];
        new Random(seed).nextBytes(content);
        return content;
    }

    private static long workingFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(path -> SafePaths.isPartialName(path.getFileName().toString())).count();
        }
    }
}
