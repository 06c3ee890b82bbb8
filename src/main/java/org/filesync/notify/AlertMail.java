package org.filesync.notify;

import java.util.List;
import org.filesync.history.HistoryFormats;
import org.filesync.history.RunRecord;
import org.filesync.history.TransferRecord;

/** The words of an e-mail alert: a subject naming job, event and status; the run's figures, error and failed files. */
final class AlertMail {

    /** At most this many failed files are listed; the count says how many there were. */
    static final int FAILED_FILES = 20;

    private AlertMail() {
    }

    static String subject(Alert alert) {
        RunRecord run = alert.run();
        return "[filesync] " + alert.job() + ": " + alert.event().key()
                + (run == null ? " (no run)" : " (" + run.status() + ", run " + run.runId() + ")");
    }

    /** @param failed the run's failed files, at most {@link #FAILED_FILES} */
    static String body(Alert alert, List<TransferRecord> failed) {
        RunRecord run = alert.run();
        StringBuilder text = new StringBuilder();
        String from = " (" + alert.event().key() + " alert from node " + alert.node() + ")";
        if (alert.missed() != null) {
            text.append("Job ").append(alert.job()).append(" had no COMPLETED run answering its fire of ")
                    .append(HistoryFormats.time(alert.missed().fire())).append(" by its deadline, ")
                    .append(HistoryFormats.time(alert.missed().due())).append(from).append(".\n");
            if (run == null) {
                return text.append("It has no run yet.\n").toString();
            }
            text.append("Its latest run is run ").append(run.runId()).append(", ").append(run.status()).append(".\n\n");
        } else {
            text.append("Job ").append(run.job()).append(", run ").append(run.runId()).append(", ended ")
                    .append(run.status()).append(from).append(".\n\n");
        }
        line(text, "started", HistoryFormats.time(run.startedAt()));
        line(text, "finished", HistoryFormats.time(run.finishedAt()));
        line(text, "trigger", run.trigger() + (run.fireTime() == null ? "" : ", fire time " + HistoryFormats.time(run.fireTime())));
        if (run.resumes() != null) {
            line(text, "resumes", "run " + run.resumes());
        }
        line(text, "files", run.filesTransferred() + " transferred, " + run.filesSkipped() + " skipped, "
                + run.filesFailed() + " failed, " + run.filesDeleted() + " deleted");
        line(text, "bytes", HistoryFormats.bytes(run.bytesTransferred()) + " (" + run.bytesTransferred() + ")");
        if (run.error() != null) {
            line(text, "error", run.error());
        }
        if (!failed.isEmpty()) {
            text.append("\nFailed files").append(run.filesFailed() > failed.size()
                    ? " (the first " + failed.size() + " of " + run.filesFailed() + ")" : "").append(":\n");
            for (TransferRecord file : failed) {
                text.append("  ").append(file.replyCode() == null ? "---" : file.replyCode()).append("  ")
                        .append(file.path());
                if (file.message() != null) {
                    text.append("  ").append(file.message());
                }
                text.append('\n');
            }
        }
        text.append("\nfilesync show ").append(run.runId()).append(" lists every file of the run.\n");
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("%-9s %s%n", label, value));
    }
}
