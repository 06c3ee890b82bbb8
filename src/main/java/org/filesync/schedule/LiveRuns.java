package org.filesync.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.filesync.batch.LiveProgress;
import org.filesync.batch.ProgressSnapshot;

/**
 * The progress of the runs this node is running, by run id; a run that ended stays readable for
 * {@link #KEPT_AFTER_END}, so a page polling it sees it reach its end.
 */
final class LiveRuns {

    static final Duration KEPT_AFTER_END = Duration.ofMinutes(1);

    private final Set<LiveProgress> runs = ConcurrentHashMap.newKeySet();

    LiveProgress track(String job) {
        LiveProgress progress = new LiveProgress(job);
        runs.add(progress);
        return progress;
    }

    /** After the runner returned or failed: a run that never began (its job was running) is forgotten at once. */
    void release(LiveProgress progress) {
        progress.close();
        if (progress.runId() < 0) {
            runs.remove(progress);
        }
    }

    Optional<ProgressSnapshot> progress(long runId) {
        Instant expired = Instant.now().minus(KEPT_AFTER_END);
        runs.removeIf(run -> run.endedAt() != null && run.endedAt().isBefore(expired));
        return runs.stream().filter(run -> run.runId() == runId).findFirst().map(LiveProgress::snapshot);
    }
}
