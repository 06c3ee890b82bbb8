package org.filesync.cli;

import org.filesync.history.HistoryFormats;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.filesync.batch.RunProgress;

/**
 * Shows a run's progress on stderr: a progress bar (files, bytes, rate, ETA) on a terminal,
 * a plain line every few seconds otherwise, so logs of unattended runs stay readable.
 */
final class ConsoleProgress implements RunProgress, AutoCloseable {

    private static final long LINE_INTERVAL_NANOS = Duration.ofSeconds(5).toNanos();

    private final String job;
    private final PrintStream err;
    private final boolean terminal;
    private final AtomicInteger filesDone = new AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();
    private volatile int filesTotal;
    private volatile long bytesTotal;
    private volatile long lastLine = System.nanoTime();
    private ProgressBar bar;

    ConsoleProgress(String job, PrintStream err, boolean terminal) {
        this.job = job;
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void planned(int files, long bytes) {
        filesTotal = files;
        bytesTotal = bytes;
        if (terminal && files > 0) {
            bar = new ProgressBarBuilder().setTaskName(job).setInitialMax(Math.max(1, bytes))
                    .setUnit("MiB", 1L << 20).showSpeed().setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).build();
            bar.setExtraMessage(barMessage(0));
        } else if (!terminal) {
            err.printf("%s: %d file(s) to transfer, %s%n", job, files, HistoryFormats.bytes(bytes));
        }
    }

    @Override
    public void bytesMoved(long delta) {
        long done = bytesDone.addAndGet(delta);
        ProgressBar current = bar;
        if (current != null) {
            current.stepTo(Math.min(done, current.getMax()));
        } else if (!terminal) {
            maybePrintLine();
        }
    }

    @Override
    public void fileFinished(String path, boolean succeeded, String message) {
        int done = filesDone.incrementAndGet();
        ProgressBar current = bar;
        if (current != null) {
            current.setExtraMessage(barMessage(done));
        }
    }

    private String files(int done) {
        return done + "/" + filesTotal + " files";
    }

    /** The bar prints its extra message right after the rate: it brings its own separator. */
    private String barMessage(int done) {
        return "  " + files(done);
    }

    private void maybePrintLine() {
        long now = System.nanoTime();
        if (now - lastLine >= LINE_INTERVAL_NANOS) {
            lastLine = now;
            err.printf("%s: %s, %s of %s%n", job, files(filesDone.get()), HistoryFormats.bytes(bytesDone.get()),
                    HistoryFormats.bytes(bytesTotal));
        }
    }

    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
