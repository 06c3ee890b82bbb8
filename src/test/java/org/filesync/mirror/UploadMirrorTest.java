package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Random;
import java.util.function.Function;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.PyFtpdServer;
import org.filesync.testing.TestFiles;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Upload mirrors end to end, including the resume of an upload whose data connection is cut. */
class UploadMirrorTest {

    private static final FileTime KEPT_TIME = FileTime.from(Instant.parse("2020-02-03T04:05:06Z"));

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.filesync.mirror.DownloadMirrorTest#servers")
    void uploadsTreeByteIdenticalAndCreatesRemoteRoot(Function<Path, FtpServerFixture> start) throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = dir.resolve("outgoing");
            DownloadMirrorTest.writeTree(source);

            RunRecord first = harness.run(harness.job("up", server, "upload", "in/box", source));

            assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
            Path remote = server.localRoot().resolve("in/box");
            assertThat(MirrorHarness.tree(remote)).isEqualTo(MirrorHarness.tree(source));
            assertThat(remote.resolve("empty dir")).isDirectory();
            assertThat(MirrorHarness.folders(remote)).noneMatch(name -> name.contains("filesync-part"));

            RunRecord second = harness.run(harness.job("up", server, "upload", "in/box", source));

            assertThat(second.filesTransferred()).isZero();
            assertThat(second.filesSkipped()).isEqualTo(first.filesTransferred());
        }
    }

    @Test
    void uploadGivesRemoteFileTheLocalModifyTimeWhereServerHasMfmt() throws Exception {
        Path source = Files.createDirectories(dir.resolve("outgoing"));
        Path file = TestFiles.random(source.resolve("f.bin"), 4096, 3);
        Files.setLastModifiedTime(file, KEPT_TIME);
        try (PyFtpdServer server = PyFtpdServer.start(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {

            RunRecord run = harness.run(harness.job("up", server, "upload", "in", source));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.getLastModifiedTime(server.localRoot().resolve("in/f.bin"))).isEqualTo(KEPT_TIME);
        }
    }

    @Test
    void uploadToServerWithoutMfmtCompletesWithTheServersTime() throws Exception {
        Path source = Files.createDirectories(dir.resolve("outgoing"));
        Path file = TestFiles.random(source.resolve("f.bin"), 4096, 3);
        Files.setLastModifiedTime(file, KEPT_TIME);
        try (VsftpdServer server = VsftpdServer.start(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {

            RunRecord run = harness.run(harness.job("up", server, "upload", "in", source));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(server.localRoot().resolve("in/f.bin"))).isEqualTo(Files.readAllBytes(file));
            assertThat(Files.getLastModifiedTime(server.localRoot().resolve("in/f.bin"))).isNotEqualTo(KEPT_TIME);
        }
    }

    @Test
    void resumesUploadCutMidFileAndSendsOnlyTheRest() throws Exception {
        byte[] content = new byte[6 << 20];
        new Random(11).nextBytes(content);
        Path source = Files.createDirectories(dir.resolve("outgoing"));
        Files.write(source.resolve("archive.bin"), content);
        try (ApacheFtpServer server = ApacheFtpServer.start(Files.createDirectories(dir.resolve("server")));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.failNextDataConnection(FaultProxy.Fault.cut(FaultProxy.Direction.TO_SERVER, 2_500_000));

            RunRecord run = harness.run(harness.job("up", server, proxy.port(), "upload", "in", source));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(server.localRoot().resolve("in/archive.bin"))).isEqualTo(content);
            TransferRecord transfer = harness.transfer(run.runId(), "archive.bin");
            assertThat(transfer.attempts()).isEqualTo(2);
            assertThat(transfer.resumedFrom()).isPositive().isLessThanOrEqualTo(2_500_000);
            long sent = proxy.dataConnections().stream().mapToLong(FaultProxy.Relay::bytesToServer).sum();
            assertThat(sent).isLessThan(content.length + 2_500_000 - transfer.resumedFrom() + (1 << 16));
            assertThat(transfer.resumedFrom() + (sent - 2_500_000)).isGreaterThanOrEqualTo(content.length);
        }
    }
}
