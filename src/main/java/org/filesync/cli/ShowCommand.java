package org.filesync.cli;

import org.filesync.history.HistoryFormats;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.filesync.history.ActionRecord;
import org.filesync.history.Database;
import org.filesync.history.NotificationRecord;
import org.filesync.history.RunDetails;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.TransferRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "show", mixinStandardHelpOptions = true, description = "One run and each of its file transfers.")
final class ShowCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Parameters(paramLabel = "RUN_ID", description = "the run to show")
    long runId;

    @Option(names = "--json", description = "print {\"run\": RUN, \"transfers\": [...]}")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        RunDetails details;
        int unchanged;
        try (Database database = root.options.openDatabase(1)) {
            RunHistory history = new RunHistory(database.jdbc());
            details = history.details(runId).orElseThrow(() -> new ConfigurationException("no run with id " + runId));
            unchanged = history.unchanged(runId);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, details);
            return ExitCode.OK;
        }
        RunRecord run = details.run();
        List<TransferRecord> transfers = details.transfers();
        out.printf("run %d of %s: %s (%s%s)%n", run.runId(), run.job(), run.status(), run.trigger(),
                run.startedBy() == null ? "" : " by " + run.startedBy());
        out.printf("  started %s, finished %s, took %s, on %s%n", HistoryFormats.time(run.startedAt()),
                HistoryFormats.time(run.finishedAt()), HistoryFormats.duration(run.startedAt(), run.finishedAt()), run.node());
        out.printf("  files: %d transferred, %d skipped (%d unchanged), %d failed, %d deleted; %s at %s%n",
                run.filesTransferred(), run.filesSkipped(), unchanged, run.filesFailed(), run.filesDeleted(),
                HistoryFormats.bytes(run.bytesTransferred()),
                HistoryFormats.rate(run.bytesTransferred(), run.startedAt(), run.finishedAt()));
        if (run.resumes() != null) {
            out.printf("  resumes run %d%n", run.resumes());
        }
        if (run.error() != null) {
            out.printf("  error: %s%n", run.error());
        }
        if (run.warning() != null) {
            out.printf("  warning: %s%n", run.warning());
        }
        if (!transfers.isEmpty()) {
            out.println();
            TextTable table = new TextTable("PATH", "STATUS", ">SIZE", ">MOVED", ">RESUMED FROM", ">ATTEMPTS", ">REPLY", "MESSAGE");
            for (TransferRecord transfer : transfers) {
                table.row(transfer.path(), transfer.status(), transfer.size(), transfer.bytesTransferred(),
                        transfer.resumedFrom(), transfer.attempts(), transfer.replyCode(),
                        transfer.message() == null ? "" : transfer.message());
            }
            table.print(out);
        }
        if (!details.notifications().isEmpty()) {
            out.println();
            TextTable table = new TextTable("ALERT", "BY", "STATUS", ">ATTEMPTS", "SENT", "ERROR");
            for (NotificationRecord notification : details.notifications()) {
                table.row(notification.event(), notification.channel(), notification.status(), notification.attempts(),
                        HistoryFormats.time(notification.sentAt()), notification.error() == null ? "" : notification.error());
            }
            table.print(out);
        }
        if (!details.actions().isEmpty()) {
            out.println();
            TextTable table = new TextTable("ACTION", "BY", "AT");
            for (ActionRecord action : details.actions()) {
                table.row(action.action().label(), action.actor(), HistoryFormats.time(action.at()));
            }
            table.print(out);
        }
        out.flush();
        return ExitCode.OK;
    }
}
