package org.filesync.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.filesync.batch.ProgressSnapshot.FileInFlight;
import org.filesync.history.RunRecord;

/**
 * A run's progress kept for whoever asks ({@link #snapshot()}), from any thread. The transfer
 * threads only touch atomics and a concurrent map; the lock guards the rate's samples, taken at
 * most every {@link #SAMPLE_INTERVAL} and on each snapshot.
 */
public final class LiveProgress implements RunProgress {

    static final Duration RATE_WINDOW = Duration.ofSeconds(10);
    private static final long SAMPLE_INTERVAL = Duration.ofMillis(500).toNanos();
    /** Below 100 % until every planned file has finished, whatever the bytes say (a file retried from 0 moves some twice). */
    private static final double UNFINISHED_CEILING = 99.9;

    /** One file in flight; its offset moves as reports come. */
    private static final class Moving {
        final long size;
        volatile long offset;

        Moving(long size, long offset) {
            this.size = size;
            this.offset = offset;
        }
    }

    /** How many bytes had moved at a moment. */
    private record Sample(long nanos, long bytes) {
    }

    private final String job;
    private final LongSupplier nanoTime;
    private final Instant startedAt = Instant.now();
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicInteger filesFailed = new AtomicInteger();
    private final AtomicLong bytesMoved = new AtomicLong();
    /** What the target already held of each file when this run first started it. */
    private final AtomicLong bytesInPlace = new AtomicLong();
    private final Map<String, Moving> inFlight = new ConcurrentHashMap<>();
    private final Deque<Sample> samples = new ArrayDeque<>();
    private volatile long lastSample;
    private volatile long runId = -1;
    private volatile Integer filesPlanned;
    private volatile Long bytesPlanned;
    private volatile RunRecord ended;
    private volatile Instant closedAt;

    public LiveProgress(String job) {
        this(job, System::nanoTime);
    }

    LiveProgress(String job, LongSupplier nanoTime) {
        this.job = job;
        this.nanoTime = nanoTime;
        sample(nanoTime.getAsLong());
    }

    /** The run's id, or -1 before it began. */
    public long runId() {
        return runId;
    }

    public String job() {
        return job;
    }

    /** When the run ended, or null while it runs. */
    public Instant endedAt() {
        return closedAt;
    }

    @Override
    public void began(long runId) {
        this.runId = runId;
    }

    @Override
    public void planned(int files, long bytes) {
        bytesPlanned = bytes;
        filesPlanned = files;
        sample(nanoTime.getAsLong());
    }

    @Override
    public void bytesMoved(long delta) {
        long moved = bytesMoved.addAndGet(delta);
        long now = nanoTime.getAsLong();
        if (now - lastSample >= SAMPLE_INTERVAL) {
            synchronized (samples) {
                addSample(now, moved);
            }
        }
    }

    @Override
    public void fileStarted(String path, long size, long offset) {
        Moving retried = inFlight.putIfAbsent(path, new Moving(size, offset));
        if (retried == null) {
            bytesInPlace.addAndGet(offset);
        } else {
            retried.offset = offset;
        }
    }

    @Override
    public void fileAt(String path, long offset) {
        Moving file = inFlight.get(path);
        if (file != null) {
            file.offset = offset;
        }
    }

    @Override
    public void fileFinished(String path, boolean succeeded, String message) {
        inFlight.remove(path);
        (succeeded ? filesDone : filesFailed).incrementAndGet();
    }

    @Override
    public void ended(RunRecord run) {
        ended = run;
        closedAt = run.finishedAt() == null ? Instant.now() : run.finishedAt();
        inFlight.clear();
    }

    /** Also closes a run whose end was never reported (its runner failed): it is not running any more. */
    public void close() {
        if (closedAt == null) {
            closedAt = Instant.now();
            inFlight.clear();
        }
    }

    public ProgressSnapshot snapshot() {
        long now = nanoTime.getAsLong();
        RunRecord run = ended;
        Integer files = filesPlanned;
        Long bytes = bytesPlanned;
        int done = filesDone.get();
        int failed = filesFailed.get();
        long bytesDone = bytesMoved.get() + bytesInPlace.get();
        long rate = run != null ? averageRate(run) : recentRate(now);
        Long eta = run == null && bytes != null && rate > 0 ? Math.max(0, bytes - bytesDone) / rate : null;
        Instant endedAt = closedAt;
        String status = run != null ? run.status().name() : endedAt == null ? "RUNNING" : "ENDED";
        return new ProgressSnapshot(runId, job, status, startedAt, endedAt, files, done, failed, bytes, bytesDone,
                percent(files, bytes, done + failed, bytesDone), rate, eta,
                inFlight.entrySet().stream().map(file -> new FileInFlight(file.getKey(), file.getValue().size,
                        file.getValue().offset)).sorted(Comparator.comparing(FileInFlight::path)).toList());
    }

    private static double percent(Integer files, Long bytes, int finished, long bytesDone) {
        if (files == null) {
            return 0;
        }
        if (finished >= files) {
            return 100;
        }
        double share = bytes > 0 ? 100.0 * bytesDone / bytes : 100.0 * finished / files;
        return Math.min(UNFINISHED_CEILING, Math.round(share * 10) / 10.0);
    }

    private static long averageRate(RunRecord run) {
        if (run.startedAt() == null || run.finishedAt() == null) {
            return 0;
        }
        return run.bytesTransferred() * 1000 / Math.max(1, Duration.between(run.startedAt(), run.finishedAt()).toMillis());
    }

    /** Bytes per second since the oldest sample of the window: a stall brings it down to 0 within the window. */
    private long recentRate(long now) {
        Sample oldest;
        long moved;
        synchronized (samples) {
            moved = bytesMoved.get();
            addSample(now, moved);
            oldest = samples.getFirst();
        }
        long elapsed = now - oldest.nanos();
        return elapsed <= 0 ? 0 : (long) ((moved - oldest.bytes()) * 1e9 / elapsed);
    }

    private void sample(long now) {
        synchronized (samples) {
            addSample(now, bytesMoved.get());
        }
    }

    /** Keeps the samples of the window, and the newest one before it, where the window's rate starts. Guarded by {@code samples}. */
    private void addSample(long now, long moved) {
        samples.addLast(new Sample(now, moved));
        lastSample = now;
        long windowStart = now - RATE_WINDOW.toNanos();
        Sample first = samples.pollFirst();
        while (!samples.isEmpty() && samples.peekFirst().nanos() <= windowStart) {
            first = samples.pollFirst();
        }
        samples.addFirst(first);
    }
}
