package org.filesync.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunHistory;
import org.filesync.history.RunLog;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobCatalog;
import org.filesync.schedule.StoredSchedules;
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
        Map<String, RunRecord> lastRuns;
        StoredSchedules schedules;
        Set<String> running;
        try (Database database = root.options.openDatabase(1)) {
            lastRuns = new RunHistory(database.jdbc()).lastRunOfEachJob();
            schedules = StoredSchedules.read(database.jdbc());
            running = new RunLog(database.dataSource()).runningJobs(NodeIdentity.current(null));
        }
        Instant now = Instant.now();
        List<JobView> views = catalog.jobs().stream()
                .map(job -> JobView.of(job, schedules.nextFireTime(job, now).orElse(null), lastRuns.get(job.name()),
                        running.contains(job.name())))
                .toList();
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, views);
        } else {
            TextTable table = new TextTable("NAME", "DIRECTION", "SCHEDULE", "TIMEZONE", "NEXT FIRE", "LAST RUN", "RUNNING",
                    "REMOTE");
            for (JobView view : views) {
                table.row(view.name(), view.direction(), view.schedule() == null ? "manual" : view.schedule(),
                        view.timezone(), Formats.time(view.nextFireTime()), lastRunSummary(view.lastRun()),
                        view.running() ? "yes" : "no", view.remote());
            }
            table.print(out);
        }
        return catalog.hasErrors() ? ExitCode.CONFIGURATION : ExitCode.OK;
    }

    private static String lastRunSummary(RunRecord run) {
        return run == null ? "never" : run.status() + " #" + run.runId() + " " + Formats.time(run.startedAt());
    }
}
