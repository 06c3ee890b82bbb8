package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.BlockModeFtpServer;
import org.filesync.testing.DataTransfer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.FtpServers;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A big download split into REST ranges fetched at once over several sessions, against real servers. */
class SegmentedDownloadTest {

    private static final int SIZE = 16 << 20;
    private static final String[] FOUR_SEGMENTS = {"parallel: 4", "segments: 4", "segmentMinSize: 4MB"};

    @TempDir
    Path dir;

    @Test
    void segmentedDownloadFromApacheFtpServerIsByteIdenticalAndFetchesFourRanges() throws Exception {
        byte[] content = content(1);
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("big.bin"), content);
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("split", server, proxy.port(), "download", "",
                    dir.resolve("target"), FOUR_SEGMENTS));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            assertThat(restOffsets(proxy)).containsExactlyInAnyOrder(SIZE / 4L, SIZE / 2L, 3L * SIZE / 4);
            assertThat(harness.transfer(run.runId(), "big.bin").bytesTransferred()).isEqualTo(SIZE);
            assertThat(dir.resolve("target")).isDirectoryNotContaining(path -> path.getFileName().toString()
                    .startsWith("."));
        }
    }

    @ParameterizedTest
    @EnumSource(value = FtpServers.class, names = {"VSFTPD", "PURE_FTPD"})
    void segmentedDownloadFromAServerProcessIsByteIdentical(FtpServers kind) throws Exception {
        byte[] content = content(2);
        try (FtpServerFixture server = kind.start(dir);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            Files.createDirectories(server.localRoot().resolve("pub"));
            Files.write(server.localRoot().resolve("pub/big.bin"), content);

            RunRecord run = harness.run(harness.job("split", server, proxy.port(), "download", "pub",
                    dir.resolve("target"), FOUR_SEGMENTS));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            assertThat(restOffsets(proxy)).hasSize(3);
        }
    }

    @Test
    void segmentsAndWorkersTogetherNeverHoldMoreThanParallelConnections() throws Exception {
        byte[] content = content(9);
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("big.bin"), content);
        for (int folder = 0; folder < 3; folder++) {
            Path small = Files.createDirectories(served.resolve("small" + folder));
            for (int i = 0; i < 40; i++) {
                Files.write(small.resolve("file" + i + ".txt"), new byte[1000 + i]);
            }
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("capped", server, proxy.port(), "download", "",
                    dir.resolve("target"), "parallel: 3", "segments: 3", "segmentMinSize: 4MB"));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(harness.transfers(run.runId())).hasSize(121)
                    .allMatch(transfer -> transfer.status() == TransferStatus.DONE);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            assertThat(proxy.mostControlConnectionsAtOnce()).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void fileBelowSegmentMinSizeIsFetchedInOneStream() throws Exception {
        byte[] content = content(3);
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("big.bin"), content);
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("whole", server, proxy.port(), "download", "",
                    dir.resolve("target"), "parallel: 4", "segments: 4", "segmentMinSize: 32MB"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            assertThat(restOffsets(proxy)).isEmpty();
            assertThat(proxy.commands()).filteredOn(command -> command.startsWith("RETR")).hasSize(1);
        }
    }

    @Test
    void serverRefusingRestGetsTheFileInOneStream() throws Exception {
        byte[] content = content(4);
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("big.bin"), content);
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            for (long offset : List.of(SIZE / 4L, SIZE / 2L, 3L * SIZE / 4)) {
                proxy.answerInstead("REST " + offset, "502 REST not implemented");
            }

            RunRecord run = harness.run(harness.job("norest", server, proxy.port(), "download", "",
                    dir.resolve("target"), FOUR_SEGMENTS));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            // a range's refused REST is followed by no RETR (which would send the file from 0); the one
            // stream after it asks to resume past the first range, and is sent the file whole
            // (each session's own commands: sessions' lines interleave in the proxy's whole list)
            for (FaultProxy.Relay session : proxy.controlConnections()) {
                List<String> commands = session.commands();
                for (int i = 0; i + 1 < commands.size(); i++) {
                    if (commands.get(i).equals("REST " + SIZE / 2L) || commands.get(i).equals("REST " + 3L * SIZE / 4)) {
                        assertThat(commands.get(i + 1)).as("after " + commands.get(i)).doesNotStartWith("RETR");
                    }
                }
            }
            assertThat(harness.transfer(run.runId(), "big.bin").message()).contains("sent whole");
        }
    }

    @Test
    void blockModeJobFetchesABigFileInOneStream() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        byte[] content = content(8);
        Files.write(served.resolve("big.bin"), content);
        try (BlockModeFtpServer server = BlockModeFtpServer.serving(served.getParent()).start();
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("block", server.username(), server.password(), server.port(),
                    "/pub", "download", dir.resolve("target"), "  transferMode: block", FOUR_SEGMENTS[0],
                    FOUR_SEGMENTS[1], FOUR_SEGMENTS[2]));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            assertThat(server.transfers()).filteredOn(transfer -> transfer.command().equals("RETR")).hasSize(1)
                    .allMatch(DataTransfer::blockMode);
            assertThat(server.verbs()).doesNotContain("REST");
        }
    }

    @ParameterizedTest
    @EnumSource(value = FtpServers.class, names = {"APACHE_FTPSERVER", "VSFTPD", "PURE_FTPD"})
    void cutMidSegmentResumesThatRangeWhereItStopped(FtpServers kind) throws Exception {
        byte[] content = content(7);
        try (FtpServerFixture server = kind.start(dir);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            Files.createDirectories(server.localRoot().resolve("pub"));
            Files.write(server.localRoot().resolve("pub/big.bin"), content);
            proxy.failNextDataConnection(FaultProxy.Fault.cut(FaultProxy.Direction.TO_CLIENT, 1_500_000));

            RunRecord run = harness.run(harness.job("cut", server, proxy.port(), "download", "pub",
                    dir.resolve("target"), FOUR_SEGMENTS));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            List<Long> boundaries = List.of(SIZE / 4L, SIZE / 2L, 3L * SIZE / 4);
            assertThat(restOffsets(proxy)).as("a REST inside a range, where the cut one stopped")
                    .anyMatch(offset -> !boundaries.contains(offset));
        }
    }

    @Test
    void rangesRecordedByAnEarlierRunResumeWhereEachStopped() throws Exception {
        byte[] content = content(6);
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("big.bin"), content);
        Path target = Files.createDirectories(dir.resolve("target"));
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            JobDefinition job = harness.job("resume", server, proxy.port(), "download", "", target, FOUR_SEGMENTS);
            PlannedFile file = harness.runner().dryRun(job).transfers().get(0);
            // what a killed run leaves: four ranges, each part done, with holes between them
            int quarter = SIZE / 4;
            List<Segment> segments = List.of(new Segment(0, quarter, 1_000_000),
                    new Segment(quarter, 2L * quarter, quarter + 2_000_000L),
                    new Segment(2L * quarter, 3L * quarter, 2L * quarter),
                    new Segment(3L * quarter, SIZE, SIZE));
            byte[] partial = new byte[SIZE];
            for (Segment segment : segments) {
                System.arraycopy(content, (int) segment.start(), partial, (int) segment.start(),
                        (int) (segment.position() - segment.start()));
            }
            Files.write(target.resolve(".big.bin.filesync-part"), partial);
            Files.writeString(target.resolve(".big.bin.filesync-stamp"),
                    SegmentJournal.text(PartialStamp.of(file), segments));

            RunRecord run = harness.run(job);

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(target.resolve("big.bin"))).isEqualTo(content);
            assertThat(restOffsets(proxy)).containsExactlyInAnyOrder(1_000_000L, quarter + 2_000_000L, 2L * quarter);
            TransferRecord transfer = harness.transfer(run.runId(), "big.bin");
            assertThat(transfer.bytesTransferred()).isEqualTo(SIZE - 1_000_000 - 2_000_000 - quarter);
        }
    }

    private static byte[] content(int seed) {
        byte[] content = new byte[SIZE];
        new Random(seed).nextBytes(content);
        return content;
    }

    private static List<Long> restOffsets(FaultProxy proxy) {
        return proxy.commands().stream().filter(command -> command.startsWith("REST "))
                .map(command -> Long.parseLong(command.substring(5))).toList();
    }
}
