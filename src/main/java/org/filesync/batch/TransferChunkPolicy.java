package org.filesync.batch;

import org.springframework.batch.core.ChunkListener;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.repeat.RepeatContext;
import org.springframework.batch.repeat.context.RepeatContextSupport;
import org.springframework.batch.repeat.policy.CompletionPolicySupport;

/**
 * How many files one chunk of the transfer step takes: about {@link #TARGET_NANOS} of work for its
 * thread, at most {@link #MAX_FILES} files or {@link #MAX_BYTES} bytes. A chunk's files are read
 * before the first one moves and recorded DONE when the last one is in place, so the chunk's
 * length is how long a file already in the target may wait for its row: short chunks keep the
 * history as durable as the target (a kill -9 loses the rows of at most that much work), while
 * many small files still share one commit. A big file is a chunk of its own, so one thread does not
 * take several big files while the others run dry. Each thread learns its own pace from the
 * chunks it has done.
 */
final class TransferChunkPolicy extends CompletionPolicySupport implements ChunkListener {

    static final int MAX_FILES = 100;
    static final long MAX_BYTES = 8L << 20;
    static final long TARGET_NANOS = 50_000_000;

    private final PendingTransferReader reader;
    private final ThreadLocal<Pace> pace = ThreadLocal.withInitial(Pace::new);

    TransferChunkPolicy(PendingTransferReader reader) {
        this.reader = reader;
    }

    /** One thread's pace: the time a file took in its recent chunks, and the chunk under way. */
    private static final class Pace {
        /** Until a chunk has been timed: one file, whose time tells the next chunk's length. */
        double nanosPerFile = TARGET_NANOS;
        boolean timed;
        long chunkStart;
        int chunkFiles;

        int filesPerChunk() {
            return (int) Math.max(1, Math.min(MAX_FILES, TARGET_NANOS / Math.max(1, nanosPerFile)));
        }

        void chunkDone(long now) {
            if (chunkFiles > 0) {
                double measured = (now - chunkStart) / (double) chunkFiles;
                nanosPerFile = timed ? 0.5 * nanosPerFile + 0.5 * measured : measured;
                timed = true;
            }
        }
    }

    private static final class Totals extends RepeatContextSupport {
        final int limit;
        int files;
        long bytes;

        Totals(RepeatContext parent, int limit) {
            super(parent);
            this.limit = limit;
        }
    }

    @Override
    public RepeatContext start(RepeatContext parent) {
        Pace current = pace.get();
        current.chunkStart = System.nanoTime();
        current.chunkFiles = 0;
        return new Totals(parent, current.filesPerChunk());
    }

    @Override
    public void update(RepeatContext context) {
        Totals totals = (Totals) context;
        var read = reader.lastReadByThisThread();
        if (read != null) {
            totals.files++;
            totals.bytes += Math.max(0, read.size());
            pace.get().chunkFiles = totals.files;
        }
    }

    @Override
    public boolean isComplete(RepeatContext context) {
        Totals totals = (Totals) context;
        return totals.files >= totals.limit || totals.bytes >= MAX_BYTES;
    }

    @Override
    public void afterChunk(ChunkContext context) {
        pace.get().chunkDone(System.nanoTime());
    }

    @Override
    public void afterChunkError(ChunkContext context) {
        afterChunk(context);
    }
}
