package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.SmallFileSystem;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local side that fails (a disk filling up, a read-only file system) fails its file at once, as local. */
class LocalFailureMirrorTest {

    private static final int BIG = 4 << 20;

    @TempDir
    Path dir;

    @Test
    void diskThatFillsDuringADownloadFailsTheFileOnceAndKeepsThePartial() throws Exception {
        Path source = TestFiles.random(dir.resolve("served/big.bin"), BIG, 3);
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             SmallFileSystem disk = SmallFileSystem.mount(dir.resolve("disk"), "8m");
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path target = Files.createDirectories(disk.root().resolve("mirror"));
            // Paced, so the disk can fill in the middle of the file: the free-space check before it passes.
            JobDefinition job = harness.job("full", server, "download", "", target, "bandwidthLimit: 1MB", "retries: 3");
            Path partial = target.resolve(".big.bin.filesync-part");

            CompletableFuture<RunRecord> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return harness.run(job);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!(Files.exists(partial) && Files.size(partial) >= 256 * 1024) && !running.isDone()) {
                Thread.sleep(10);
            }
            disk.fill();
            RunRecord run = running.get(60, TimeUnit.SECONDS);

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            TransferRecord transfer = harness.transfer(run.runId(), "big.bin");
            assertThat(transfer.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(transfer.attempts()).isEqualTo(1);
            assertThat(transfer.message()).isEqualTo("local: " + partial + ": No space left on device");
            byte[] kept = Files.readAllBytes(partial);
            assertThat(kept.length).isBetween(256 * 1024, BIG - 1);
            assertThat(kept).isEqualTo(Arrays.copyOf(Files.readAllBytes(source), kept.length));
        }
    }

    @Test
    void readOnlyTargetFailsTheFileOnceNamingThePartial() throws Exception {
        TestFiles.random(dir.resolve("served/a.bin"), 100_000, 4);
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             SmallFileSystem disk = SmallFileSystem.mount(dir.resolve("disk"), "2m");
             MirrorHarness harness = new MirrorHarness(dir)) {
            disk.remountReadOnly();

            RunRecord run = harness.run(harness.job("readonly", server, "download", "", disk.root(), "retries: 3"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            TransferRecord transfer = harness.transfer(run.runId(), "a.bin");
            assertThat(transfer.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(transfer.attempts()).isEqualTo(1);
            assertThat(transfer.message()).isEqualTo("local: " + disk.root().resolve(".a.bin.filesync-part")
                    + ": Read-only file system");
        }
    }
}
