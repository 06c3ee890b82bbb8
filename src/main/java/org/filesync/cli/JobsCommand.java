package org.filesync.cli;

import org.filesync.history.HistoryFormats;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.filesync.history.Database;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobCatalog;
import org.filesync.schedule.JobStatus;
import org.filesync.schedule.IdleScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List jobs: schedule, next fire time, last run's status.")
final class JobsCommand implements Callable<Integer> {

    @ParentCommand
    FilesyncCommand root;

    @Option(names = "--json", description = "print one JSON array")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JobCatalog catalog = root.options.loadJobs();
        catalog.errors().forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        List<JobStatus> views;
        try (Database database = root.options.openDatabase(2); IdleScheduler schedules = IdleScheduler.open(database)) {
            views = schedules.statuses(catalog);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, views);
        } else {
            TextTable table = new TextTable("NAME", "DIRECTION", "SCHEDULE", "TIMEZONE", "NEXT FIRE", "LAST RUN", "RUNNING",
                    "PAUSED", "REMOTE");
            for (JobStatus view : views) {
                table.row(view.name(), view.direction(), view.schedule() == null ? "manual" : view.schedule(),
                        view.timezone(), HistoryFormats.time(view.nextFireTime()), lastRunSummary(view.lastRun()),
                        view.running() ? "yes" : "no", view.paused() ? "yes" : "no", view.remote());
            }
            table.print(out);
        }
        return catalog.hasErrors() ? ExitCode.CONFIGURATION : ExitCode.OK;
    }

    private static String lastRunSummary(RunRecord run) {
        return run == null ? "never" : run.status() + " #" + run.runId() + " " + HistoryFormats.time(run.startedAt());
    }
}
