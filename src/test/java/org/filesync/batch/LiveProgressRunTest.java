package org.filesync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.filesync.batch.ProgressSnapshot.FileInFlight;
import org.filesync.history.RunRecord;
import org.filesync.history.RunTrigger;
import org.filesync.jobs.JobDefinition;
import org.filesync.mirror.StopRequest;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real, paced run watched through its {@link LiveProgress}: caught in the middle of a file, then at its end. */
class LiveProgressRunTest {

    private static final int BIG = 6 << 20;

    @TempDir
    Path dir;

    @Test
    void showsTheFileInFlightWithItsOffsetThenReaches100Percent() throws Exception {
        TestFiles.random(dir.resolve("served/big.bin"), BIG, 1);
        TestFiles.random(dir.resolve("served/small.bin"), 1000, 2);
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            JobDefinition job = harness.job("paced", server, "download", "", dir.resolve("target"), "bandwidthLimit: 2MB");
            LiveProgress progress = new LiveProgress(job.name());

            CompletableFuture<RunRecord> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return harness.runner().run(job, RunTrigger.manual("test"), progress, new StopRequest());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ProgressSnapshot midway = progress.snapshot();
            while (!inTheMiddleOfBig(midway) && !running.isDone()) {
                Thread.sleep(20);
                midway = progress.snapshot();
            }
            RunRecord run = running.get(60, TimeUnit.SECONDS);
            ProgressSnapshot end = progress.snapshot();

            assertThat(inTheMiddleOfBig(midway)).as("caught in flight: %s", midway).isTrue();
            assertThat(midway.runId()).isEqualTo(run.runId());
            assertThat(midway.status()).isEqualTo("RUNNING");
            assertThat(midway.filesPlanned()).isEqualTo(2);
            assertThat(midway.bytesPlanned()).isEqualTo(BIG + 1000L);
            assertThat(midway.percent()).isBetween(0.0, 99.9);
            assertThat(end.status()).isEqualTo("COMPLETED");
            assertThat(end.percent()).isEqualTo(100);
            assertThat(end.filesDone()).isEqualTo(2);
            assertThat(end.bytesDone()).isEqualTo(BIG + 1000L);
            assertThat(end.inFlight()).isEmpty();
            assertThat(end.endedAt()).isEqualTo(run.finishedAt());
        }
    }

    private static boolean inTheMiddleOfBig(ProgressSnapshot snapshot) {
        return snapshot.inFlight().stream().filter(file -> file.path().equals("big.bin")).mapToLong(FileInFlight::offset)
                .anyMatch(offset -> offset > 0 && offset < BIG);
    }
}
