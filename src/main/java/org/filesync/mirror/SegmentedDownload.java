package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.LocalFileException;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.TransferListener;
import org.filesync.ftp.TransferResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the unfinished ranges of one big file at once, each on a session of its own, into the
 * one partial file. The worker's own session takes part; the others are the pool's spare ones,
 * so the job never holds more than {@code parallel} sessions. A range whose session fails goes
 * back to the queue, with what it got, for the sessions still working; when none is left the
 * attempt fails (transiently) and the next one resumes every range from the journal. A server
 * that refuses REST, or a pool with no session to spare, gets one stream from the partial's
 * contiguous prefix.
 */
final class SegmentedDownload {

    private static final Logger log = LoggerFactory.getLogger(SegmentedDownload.class);
    private static final long SAVE_INTERVAL_MILLIS = 250;

    /** Keeps the ranges' progress where a later attempt or run finds it. */
    interface Journal {
        void save(List<Segment> segments) throws IOException;
    }

    private final SessionPool pool;

    SegmentedDownload(SessionPool pool) {
        this.pool = pool;
    }

    TransferResult fetch(FtpSession own, String remotePath, Path partial, long size, List<Segment> segments,
                         Journal journal, TransferListener listener) throws FtpException, IOException {
        // before a byte goes past a hole: without the journal, a partial's length would pass for its content
        journal.save(segments);
        List<Segment> open = segments.stream().filter(segment -> !segment.isComplete()).toList();
        if (open.isEmpty()) { // every range arrived before a crash: only the commit was missing
            return new TransferResult(0, RestartPoint.atOffset(size), false, 226, "all segments were complete");
        }
        List<FtpSession> spares = new ArrayList<>();
        for (int i = 1; i < open.size(); i++) {
            pool.borrowSpare().ifPresent(spares::add);
        }
        if (spares.isEmpty() && SegmentJournal.holdsOnlyPrefix(segments)) {
            log.debug("{}: no session to spare for segments; one stream", remotePath);
            return oneStream(own, remotePath, partial, size, segments, journal, listener, 0);
        }
        Run run = new Run(remotePath, partial, segments, journal, listener);
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, spares.size()),
                new NamedThreadFactory("filesync-segment", true));
        List<Future<Void>> others = new ArrayList<>();
        try {
            for (FtpSession spare : spares) {
                others.add(threads.submit(() -> {
                    run.work(spare, true);
                    return null;
                }));
            }
            run.work(own, false);
            for (Future<Void> other : others) {
                awaitQuietly(other);
            }
        } finally {
            threads.shutdownNow();
        }
        run.rethrowStop();
        if (run.restartRefused.get()) {
            log.info("{}: the server refused REST; fetched in one stream instead of segments", remotePath);
            return oneStream(own, remotePath, partial, size, segments, journal, listener, run.total.get());
        }
        if (!run.queue.isEmpty()) {
            throw run.failure();
        }
        return new TransferResult(run.total.get(), RestartPoint.atOffset(segments.get(0).start()), false, 226,
                "all " + segments.size() + " segments complete");
    }

    /** The rest of the file from the partial's contiguous prefix, over the worker's own session. */
    private static TransferResult oneStream(FtpSession own, String remotePath, Path partial, long size,
                                            List<Segment> segments, Journal journal, TransferListener listener,
                                            long before) throws FtpException, IOException {
        RestartPoint from = RestartPoint.atOffset(SegmentJournal.contiguousEnd(segments));
        journal.save(List.of()); // the partial is one stream from here on: a cut resumes from its length
        TransferResult result = own.retrieve(remotePath, partial, from, size,
                (bytes, point) -> listener.progress(before + bytes, point));
        return new TransferResult(before + result.bytesTransferred(), result.resumedFrom(), result.restartRefused(),
                result.replyCode(), result.replyText());
    }

    private static void awaitQuietly(Future<Void> other) {
        boolean interrupted = false;
        while (true) {
            try {
                other.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the others must end before the partial file is judged
            } catch (ExecutionException e) {
                break; // recorded by the run
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The shared state of one fetch: the queue of unfinished ranges and what became of them. */
    private final class Run {
        final String remotePath;
        final Path partial;
        final List<Segment> segments;
        final Journal journal;
        final TransferListener listener;
        final ConcurrentLinkedQueue<Segment> queue = new ConcurrentLinkedQueue<>();
        final AtomicLong total = new AtomicLong();
        final AtomicBoolean restartRefused = new AtomicBoolean();
        private volatile Exception firstFailure;
        private volatile RuntimeException stop;
        private long savedAt = System.nanoTime();

        Run(String remotePath, Path partial, List<Segment> segments, Journal journal, TransferListener listener) {
            this.remotePath = remotePath;
            this.partial = partial;
            this.segments = segments;
            this.journal = journal;
            this.listener = listener;
            segments.stream().filter(segment -> !segment.isComplete()).forEach(queue::add);
        }

        /** Takes ranges until none is left, this session fails, or a stop or refusal ends the fetch. */
        void work(FtpSession session, boolean spare) {
            boolean reusable = true;
            try {
                Segment segment;
                while (stop == null && !restartRefused.get() && (segment = queue.poll()) != null) {
                    if (!fetch(session, segment, spare)) {
                        reusable = session.isAlive();
                        return;
                    }
                }
            } catch (RuntimeException e) {
                reusable = false; // a stop mid-range: the server may still be sending
                stop = e;
            } finally {
                if (spare) {
                    if (reusable) {
                        pool.release(session);
                    } else {
                        pool.discard(session);
                    }
                }
            }
        }

        /** @return false when this session failed and should take no more ranges */
        private boolean fetch(FtpSession session, Segment segment, boolean spare) {
            RangeProgress progress = new RangeProgress(segment);
            try {
                TransferResult result = session.retrieveRange(remotePath, partial, segment.position(),
                        segment.remaining(), progress);
                if (result.restartRefused()) {
                    restartRefused.set(true);
                    queue.add(segment);
                    return false;
                }
                segment.advanceTo(segment.end());
                save(true);
                return true;
            } catch (FtpException | LocalFileException e) {
                log.debug("{}: segment {}-{} broke at {}: {}", remotePath, segment.start(), segment.end(),
                        segment.position(), e.getMessage());
                // the worker's own session's failure first: the attempt drops that session when it is lost
                if (firstFailure == null || !spare || e instanceof LocalFileException) {
                    firstFailure = e;
                }
                save(true);
                queue.add(segment); // for the sessions still working
                return false;
            }
        }

        /** Writes the journal when {@code now}, else at most every {@value #SAVE_INTERVAL_MILLIS} ms. */
        private synchronized void save(boolean now) {
            long at = System.nanoTime();
            if (!now && at - savedAt < SAVE_INTERVAL_MILLIS * 1_000_000) {
                return;
            }
            savedAt = at;
            try {
                journal.save(segments);
            } catch (IOException e) {
                log.debug("{}: cannot save the segments' progress: {}", remotePath, e.getMessage());
            }
        }

        void rethrowStop() {
            if (stop != null) {
                throw stop;
            }
        }

        FtpException failure() throws LocalFileException {
            if (firstFailure instanceof LocalFileException local) {
                throw local;
            }
            return (FtpException) firstFailure;
        }

        /** Forwards one range's progress as the whole attempt's, and records it in the journal. */
        private final class RangeProgress implements TransferListener {
            private final Segment segment;
            private long reported;

            RangeProgress(Segment segment) {
                this.segment = segment;
            }

            @Override
            public void progress(long bytes, RestartPoint point) {
                long sum = total.addAndGet(bytes - reported);
                reported = bytes;
                segment.advanceTo(point.offset());
                save(false);
                synchronized (Run.this) {
                    listener.progress(sum, RestartPoint.atOffset(SegmentJournal.contiguousEnd(segments)));
                }
            }
        }
    }
}
