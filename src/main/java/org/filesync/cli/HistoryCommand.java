package org.filesync.cli;

import org.filesync.history.HistoryFormats;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.filesync.history.Database;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true, description = "Runs, newest first.")
final class HistoryCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Parameters(arity = "0..1", paramLabel = "JOB", description = "only this job's runs")
    String job;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "at most N runs (default: 20)")
    int limit;

    @Option(names = "--json", description = "print one JSON array of runs")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw new ConfigurationException("--limit must be at least 1");
        }
        List<RunRecord> runs;
        try (Database database = root.options.openDatabase(1)) {
            runs = new RunHistory(database.jdbc()).recentRuns(job, limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, runs);
            return ExitCode.OK;
        }
        if (runs.isEmpty()) {
            out.println(job == null ? "no runs yet" : "no runs of " + job + " yet");
            out.flush();
            return ExitCode.OK;
        }
        printRuns(out, runs);
        return ExitCode.OK;
    }

    static void printRuns(PrintWriter out, List<RunRecord> runs) {
        TextTable table = new TextTable(">RUN", "JOB", "TRIGGER", "STATUS", "STARTED", ">DURATION",
                ">OK", ">SKIPPED", ">FAILED", ">DELETED", ">BYTES", ">RATE", "ERROR");
        for (RunRecord run : runs) {
            table.row(run.runId(), run.job(), run.trigger(), run.status(), HistoryFormats.time(run.startedAt()),
                    HistoryFormats.duration(run.startedAt(), run.finishedAt()), run.filesTransferred(), run.filesSkipped(),
                    run.filesFailed(), run.filesDeleted(), HistoryFormats.bytes(run.bytesTransferred()),
                    HistoryFormats.rate(run.bytesTransferred(), run.startedAt(), run.finishedAt()),
                    run.error() == null ? "" : run.error());
        }
        table.print(out);
    }
}
