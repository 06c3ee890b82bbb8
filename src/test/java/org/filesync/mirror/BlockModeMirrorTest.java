package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.BlockModeFtpServer;
import org.filesync.testing.DataTransfer;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code transferMode: block} jobs against {@link BlockModeFtpServer}: a transfer cut once resumes
 * within the run from the last restart marker the server confirmed, and moves only the rest.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BlockModeMirrorTest {

    private static final long MARKERS = 256 * 1024;
    private static final long SIZE = 3 * 1024 * 1024 + 17;
    private static final long CUT = 1_000_000;
    /** The last marker before the cut: 786,432. */
    private static final long LAST_MARKER = CUT / MARKERS * MARKERS;

    @TempDir
    Path dir;

    @Test
    void downloadCutOnceResumesFromTheServersLastMarkerWithinTheRun() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Path original = TestFiles.random(served.resolve("big.bin"), SIZE, 31);
        Path target = dir.resolve("target");
        try (var server = BlockModeFtpServer.serving(served.getParent()).markerInterval(MARKERS).start();
             var harness = new MirrorHarness(dir)) {
            server.cutNextTransferAfter(CUT);

            RunRecord run = harness.run(harness.job("block-download", server.username(), server.password(), server.port(),
                    "/pub", "download", target, "  transferMode: block", "  markerInterval: 256KB"));

            assertThat(run.status()).as("%s", run).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.mismatch(original, target.resolve("big.bin"))).isEqualTo(-1);
            TransferRecord transfer = harness.transfer(run.runId(), "big.bin");
            assertThat(transfer.status()).isEqualTo(TransferStatus.DONE);
            assertThat(transfer.attempts()).isEqualTo(2);
            assertThat(transfer.resumedFrom()).isEqualTo(LAST_MARKER);
            DataTransfer lastAttempt = server.lastTransfer();
            assertThat(lastAttempt).isEqualTo(new DataTransfer("RETR", "/pub/big.bin", true, LAST_MARKER, SIZE - LAST_MARKER, true));
            assertThat(transfer.resumedFrom() + lastAttempt.dataBytes()).isEqualTo(SIZE);
            // Both attempts' bytes count: the first moved CUT bytes before the server cut it.
            assertThat(transfer.bytesTransferred()).isEqualTo(CUT + SIZE - LAST_MARKER);
            assertThat(server.transfers()).allMatch(DataTransfer::blockMode);
        }
    }

    @Test
    void uploadCutOnceResumesFromTheLastMarkReplyWithinTheRun() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source"));
        Path original = TestFiles.random(source.resolve("big.bin"), SIZE, 32);
        Path served = Files.createDirectories(dir.resolve("server"));
        try (var server = BlockModeFtpServer.serving(served).start();
             var harness = new MirrorHarness(dir)) {
            server.cutNextTransferAfter(CUT);

            RunRecord run = harness.run(harness.job("block-upload", server.username(), server.password(), server.port(),
                    "/up", "upload", source, "  transferMode: block", "  markerInterval: 256KB"));

            assertThat(run.status()).as("%s", run).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.mismatch(original, served.resolve("up/big.bin"))).isEqualTo(-1);
            TransferRecord transfer = harness.transfer(run.runId(), "big.bin");
            assertThat(transfer.status()).isEqualTo(TransferStatus.DONE);
            assertThat(transfer.attempts()).isEqualTo(2);
            assertThat(transfer.resumedFrom()).isEqualTo(LAST_MARKER);
            DataTransfer lastAttempt = server.transfers().stream().filter(t -> t.command().equals("STOR"))
                    .reduce((first, second) -> second).orElseThrow();
            assertThat(lastAttempt).isEqualTo(
                    new DataTransfer("STOR", "/up/.big.bin.filesync-part", true, LAST_MARKER, SIZE - LAST_MARKER, true));
            assertThat(transfer.resumedFrom() + lastAttempt.dataBytes()).isEqualTo(SIZE);
            assertThat(server.transfers()).allMatch(DataTransfer::blockMode);
        }
    }
}
