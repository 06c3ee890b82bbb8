package org.filesync.cli;

import org.filesync.history.HistoryFormats;
import java.io.PrintWriter;
import org.filesync.history.RunRecord;

/** The closing lines of {@code run} for people. */
final class RunSummary {

    private RunSummary() {
    }

    static void print(PrintWriter out, RunRecord run) {
        out.printf("run %d of %s: %s — %d transferred, %d skipped, %d failed, %d deleted; %s in %s (%s)%n",
                run.runId(), run.job(), run.status(), run.filesTransferred(), run.filesSkipped(), run.filesFailed(),
                run.filesDeleted(), HistoryFormats.bytes(run.bytesTransferred()),
                HistoryFormats.duration(run.startedAt(), run.finishedAt()),
                HistoryFormats.rate(run.bytesTransferred(), run.startedAt(), run.finishedAt()));
        if (run.resumes() != null) {
            out.printf("  resumed run %d%n", run.resumes());
        }
        if (run.error() != null) {
            out.printf("  error: %s%n", run.error());
        }
        if (run.warning() != null) {
            out.printf("  warning: %s%n", run.warning());
        }
        if (run.filesFailed() > 0) {
            out.printf("  details: filesync show %d%n", run.runId());
        }
        out.flush();
    }
}
