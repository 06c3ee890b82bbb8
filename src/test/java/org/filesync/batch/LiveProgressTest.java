package org.filesync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The figures of a snapshot, on a clock the test moves. */
class LiveProgressTest {

    private static final long MB = 1 << 20;

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final LiveProgress progress = new LiveProgress("job", now::get);

    private void advanceSeconds(long seconds) {
        now.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void rateCoversTheRecentWindowAndEtaFollowsFromIt() {
        progress.planned(2, 100 * MB);
        for (int second = 0; second < 20; second++) {
            advanceSeconds(1);
            progress.bytesMoved(second < 10 ? MB : 3 * MB);
        }

        ProgressSnapshot snapshot = progress.snapshot();

        assertThat(snapshot.bytesDone()).isEqualTo(40 * MB);
        assertThat(snapshot.bytesPerSecond()).isEqualTo(3 * MB);
        assertThat(snapshot.etaSeconds()).isEqualTo(20);
    }

    @Test
    void aStallBringsTheRateToZeroAndLeavesNoEta() {
        progress.planned(1, 10 * MB);
        advanceSeconds(1);
        progress.bytesMoved(MB);
        advanceSeconds(11);

        ProgressSnapshot snapshot = progress.snapshot();

        assertThat(snapshot.bytesPerSecond()).isZero();
        assertThat(snapshot.etaSeconds()).isNull();
    }

    @Test
    void filesInFlightShowTheirOffsetCountingWhatAResumeFoundInPlace() {
        progress.planned(1, 10 * MB);
        progress.fileStarted("big.bin", 10 * MB, 4 * MB);
        progress.bytesMoved(MB);
        progress.fileAt("big.bin", 5 * MB);

        ProgressSnapshot snapshot = progress.snapshot();

        assertThat(snapshot.inFlight()).containsExactly(new ProgressSnapshot.FileInFlight("big.bin", 10 * MB, 5 * MB));
        assertThat(snapshot.bytesDone()).isEqualTo(5 * MB);
        assertThat(snapshot.percent()).isEqualTo(50.0);
    }

    @Test
    void reaches100PercentOnlyWhenEveryPlannedFileHasFinished() {
        progress.planned(2, 10 * MB);
        progress.fileStarted("a.bin", 5 * MB, 0);
        progress.fileStarted("b.bin", 5 * MB, 0);
        // a retry from 0 moves some bytes twice
        progress.bytesMoved(11 * MB);
        progress.fileFinished("a.bin", true, null);

        double before = progress.snapshot().percent();
        progress.fileFinished("b.bin", false, "550 refused");
        ProgressSnapshot after = progress.snapshot();

        assertThat(before).isLessThan(100);
        assertThat(after.percent()).isEqualTo(100);
        assertThat(after.filesDone()).isEqualTo(1);
        assertThat(after.filesFailed()).isEqualTo(1);
        assertThat(after.inFlight()).isEmpty();
    }

    @Test
    void nothingIsPlannedBeforeThePlanIsMade() {
        progress.began(7);

        ProgressSnapshot snapshot = progress.snapshot();

        assertThat(snapshot.runId()).isEqualTo(7);
        assertThat(snapshot.status()).isEqualTo("RUNNING");
        assertThat(snapshot.filesPlanned()).isNull();
        assertThat(snapshot.percent()).isZero();
    }
}
