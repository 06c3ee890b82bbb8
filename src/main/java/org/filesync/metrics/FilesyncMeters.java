package org.filesync.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.jobs.Direction;

/**
 * filesync's own meters, every one named and recorded here: the runs this process ran, their files
 * and bytes, each job's last success and whether it is running. Each process records its own runs,
 * so every node of a cluster exports its own. {@code serve} exports them as
 * {@code filesync_runs_total{job,status}}, {@code filesync_run_duration_seconds{job,status}},
 * {@code filesync_files_total{job,outcome}}, {@code filesync_bytes_total{job,direction}},
 * {@code filesync_job_last_success_timestamp_seconds{job}} and {@code filesync_job_running{job}}.
 */
public final class FilesyncMeters {

    private final MeterRegistry registry;
    private final Map<String, AtomicReference<Instant>> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

    public FilesyncMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A run of the job started in this process. */
    public void runStarted(String job) {
        running(job).incrementAndGet();
    }

    /** A run of the job that {@link #runStarted} counted is over, however it ended. */
    public void runLeft(String job) {
        running(job).decrementAndGet();
    }

    /** Counts a closed run: its status, duration, files and bytes, and a COMPLETED one as the job's last success. */
    public void runEnded(RunRecord run, Direction direction) {
        String status = run.status().name();
        Counter.builder("filesync.runs").tag("job", run.job()).tag("status", status).register(registry).increment();
        Timer.builder("filesync.run.duration").tag("job", run.job()).tag("status", status).register(registry)
                .record(Duration.between(run.startedAt(), run.finishedAt()));
        files(run.job(), "transferred", run.filesTransferred());
        files(run.job(), "failed", run.filesFailed());
        files(run.job(), "deleted", run.filesDeleted());
        files(run.job(), "skipped", run.filesSkipped());
        Counter.builder("filesync.bytes").tag("job", run.job()).tag("direction", direction.name().toLowerCase(Locale.ROOT))
                .register(registry).increment(run.bytesTransferred());
        if (run.status() == RunStatus.COMPLETED) {
            lastSuccess(run.job(), run.finishedAt());
        }
    }

    /** Counts a fire that found its job still running. */
    public void runSkipped(String job) {
        Counter.builder("filesync.runs").tag("job", job).tag("status", RunStatus.SKIPPED.name()).register(registry)
                .increment();
    }

    /**
     * The job's last COMPLETED run ended at {@code finishedAt}, unless a later one is known: read from
     * the history at start-up, so that an alert on the gauge survives a restart.
     */
    public void lastSuccess(String job, Instant finishedAt) {
        AtomicReference<Instant> last = lastSuccess.computeIfAbsent(job, name -> {
            AtomicReference<Instant> time = new AtomicReference<>(Instant.EPOCH);
            Gauge.builder("filesync.job.last.success.timestamp", time, at -> at.get().toEpochMilli() / 1000.0)
                    .tag("job", name).baseUnit("seconds").register(registry);
            return time;
        });
        last.accumulateAndGet(finishedAt, (known, given) -> given.isAfter(known) ? given : known);
    }

    private void files(String job, String outcome, int count) {
        Counter.builder("filesync.files").tag("job", job).tag("outcome", outcome).register(registry).increment(count);
    }

    private AtomicInteger running(String job) {
        return running.computeIfAbsent(job, name -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("filesync.job.running", count, AtomicInteger::get).tag("job", name).register(registry);
            return count;
        });
    }
}
