package org.filesync.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.filesync.history.Database;
import org.filesync.history.HistoryFormats;
import org.filesync.history.PruneReport;
import org.filesync.history.RunPruner;
import org.filesync.jobs.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "prune", mixinStandardHelpOptions = true,
        description = "Deletes runs older than a cut-off, with their file rows and Spring Batch executions.")
final class PruneCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Option(names = "--older-than", required = true, paramLabel = "AGE",
            description = "runs that started longer ago than this: 90d, 12h, ...")
    String olderThan;

    @Option(names = "--job", paramLabel = "NAME", description = "only this job's runs")
    String job;

    @Option(names = "--dry-run", description = "print what would be deleted, delete nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print one JSON object of what was (or would be) deleted")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Instant cutoff = Instant.now().minus(age());
        PruneReport report;
        try (Database database = root.options.openDatabase(2)) {
            RunPruner pruner = new RunPruner(database);
            report = dryRun ? pruner.preview(cutoff, job) : pruner.prune(cutoff, job);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, report);
            return ExitCode.OK;
        }
        String before = " started before " + HistoryFormats.time(cutoff);
        if (report.runs() == 0) {
            out.println("nothing to prune: no run" + before + " may go");
        } else {
            out.printf("%s %d run(s)%s, with %d file row(s) and %d Spring Batch execution(s)%n",
                    dryRun ? "would prune" : "pruned", report.runs(), before, report.transfers(), report.batchExecutions());
            TextTable table = new TextTable("JOB", ">RUNS", ">FILE ROWS");
            report.jobs().forEach(pruned -> table.row(pruned.job(), pruned.runs(), pruned.transfers()));
            table.print(out);
        }
        out.flush();
        return ExitCode.OK;
    }

    private Duration age() {
        Duration age;
        try {
            age = DurationText.parse(olderThan);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("--older-than: " + e.getMessage());
        }
        if (age.isZero()) {
            throw new ConfigurationException("--older-than must be more than 0");
        }
        return age;
    }
}
