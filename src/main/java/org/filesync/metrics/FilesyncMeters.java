package org.filesync.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * {@code filesync_job_last_success_timestamp_seconds{job}}, {@code filesync_job_running{job}} and
 * {@code filesync_notifications_total{channel,status}}.
 * <p>
 * The figures live here and the meters read them (function counters and timers, gauges): a
 * registry that joins later, as the Prometheus one does once the web side has started, still sees
 * every run from the process's start.
 */
public final class FilesyncMeters {

    private final MeterRegistry registry;
    private final Map<List<String>, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Map<List<String>, Durations> durations = new ConcurrentHashMap<>();
    private final Map<String, AtomicReference<Instant>> lastSuccess = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
    private final Map<List<String>, AtomicLong> notifications = new ConcurrentHashMap<>();

    public FilesyncMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Binds another part's meters, such as {@link QuartzMeters}, to the registry these go to. */
    public void bind(MeterBinder meters) {
        meters.bindTo(registry);
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
        count("filesync.runs", run.job(), "status", status).incrementAndGet();
        durations(run.job(), status).add(Duration.between(run.startedAt(), run.finishedAt()));
        count("filesync.files", run.job(), "outcome", "transferred").addAndGet(run.filesTransferred());
        count("filesync.files", run.job(), "outcome", "failed").addAndGet(run.filesFailed());
        count("filesync.files", run.job(), "outcome", "deleted").addAndGet(run.filesDeleted());
        count("filesync.files", run.job(), "outcome", "skipped").addAndGet(run.filesSkipped());
        count("filesync.bytes", run.job(), "direction", direction.name().toLowerCase(Locale.ROOT))
                .addAndGet(run.bytesTransferred());
        if (run.status() == RunStatus.COMPLETED) {
            lastSuccess(run.job(), run.finishedAt());
        }
    }

    /** Counts an alert that was delivered ({@code sent}) or given up ({@code failed}) by a channel. */
    public void notificationEnded(String channel, String status) {
        notifications.computeIfAbsent(List.of(channel, status), key -> {
            AtomicLong count = new AtomicLong();
            FunctionCounter.builder("filesync.notifications", count, AtomicLong::get).tag("channel", channel)
                    .tag("status", status).register(registry);
            return count;
        }).incrementAndGet();
    }

    /** Counts a fire that found its job still running. */
    public void runSkipped(String job) {
        count("filesync.runs", job, "status", RunStatus.SKIPPED.name()).incrementAndGet();
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

    private AtomicLong count(String name, String job, String label, String value) {
        return counts.computeIfAbsent(List.of(name, job, label, value), key -> {
            AtomicLong count = new AtomicLong();
            FunctionCounter.builder(name, count, AtomicLong::get).tag("job", job).tag(label, value).register(registry);
            return count;
        });
    }

    private Durations durations(String job, String status) {
        return durations.computeIfAbsent(List.of(job, status), key -> {
            Durations runs = new Durations();
            FunctionTimer.builder("filesync.run.duration", runs, Durations::count, Durations::nanos, TimeUnit.NANOSECONDS)
                    .tag("job", job).tag("status", status).register(registry);
            return runs;
        });
    }

    private AtomicInteger running(String job) {
        return running.computeIfAbsent(job, name -> {
            AtomicInteger count = new AtomicInteger();
            Gauge.builder("filesync.job.running", count, AtomicInteger::get).tag("job", name).register(registry);
            return count;
        });
    }

    /** How many runs took how long in all. */
    private static final class Durations {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong nanos = new AtomicLong();

        void add(Duration took) {
            nanos.addAndGet(took.toNanos());
            count.incrementAndGet();
        }

        long count() {
            return count.get();
        }

        double nanos() {
            return nanos.get();
        }
    }
}
