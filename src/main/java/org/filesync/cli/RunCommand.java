package org.filesync.cli;

import io.micrometer.core.instrument.Metrics;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.filesync.history.RunTrigger;
import org.filesync.batch.MirrorRunner;
import org.filesync.ftp.CommonsNetSessionFactory;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.history.Database;
import org.filesync.history.JobAlreadyRunningException;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobDefinition;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.mirror.StopRequest;
import org.filesync.notify.RunAlerts;
import org.filesync.settings.ServerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one job now, in the foreground, with a progress bar.")
final class RunCommand implements Callable<Integer> {

    /** How long the process waits after its run for alerts still in flight before it exits. */
    private static final Duration ALERT_PATIENCE = Duration.ofSeconds(10);

    @ParentCommand
    FilesyncCommand root;

    @Parameters(paramLabel = "JOB", description = "the job to run")
    String job;

    @Option(names = "--dry-run", description = "print the plan and change nothing")
    boolean dryRun;

    @Option(names = "--json", description = "print the RUN object of the run it made")
    boolean json;

    @Option(names = "--allow-deletes", description = "lift the job's deleteLimit for this run")
    boolean allowDeletes;

    @Option(names = "--node", paramLabel = "NAME", description = "this instance's name (default: env FILESYNC_NODE, else host and pid)")
    String node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        // Opening the database and reading the job files each take a few hundred milliseconds of
        // class loading: do them side by side, the opening on a thread of its own (it blocks on JDBC).
        ExecutorService opener = Executors.newSingleThreadExecutor(new NamedThreadFactory("filesync-open-database", true));
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                () -> root.options.openDatabase(JobCatalog.MAX_PARALLEL + 4), opener);
        opener.shutdown();
        JobDefinition definition;
        ServerSettings settings;
        try {
            settings = root.options.settings();
            definition = findJob(root.options.loadJobs(), job);
            if (allowDeletes) {
                definition = definition.withDeletesAllowed();
            }
        } catch (RuntimeException e) {
            opening.thenAccept(Database::close);
            throw e;
        }
        try (Database database = awaitDatabase(opening)) {
            FilesyncMeters meters = new FilesyncMeters(Metrics.globalRegistry);
            MirrorRunner runner = new MirrorRunner(database, CommonsNetSessionFactory::new, NodeIdentity.current(node),
                    meters);
            if (dryRun) {
                PlanPrinter.print(spec.commandLine().getOut(), runner.dryRun(definition), json);
                return ExitCode.OK;
            }
            RunAlerts alerts = RunAlerts.start(database, settings, meters);
            try {
                return runAndReport(runner, definition, alerts);
            } finally {
                alerts.awaitDelivery(ALERT_PATIENCE);
            }
        }
    }

    private int runAndReport(MirrorRunner runner, JobDefinition definition, RunAlerts alerts) {
        StopRequest stop = new StopRequest();
        // Not a shutdown hook: H2 closes its database in one of its own, before the run could record that it stopped.
        TerminationSignals.onTerminate(stop::request);
        RunRecord run;
        try (ConsoleProgress progress = new ConsoleProgress(definition.name(), System.err,
                System.console() != null && !json)) {
            run = runner.run(definition, RunTrigger.manual(CliUser.actor()), progress, stop);
        } catch (JobAlreadyRunningException e) {
            spec.commandLine().getErr().println("filesync: " + e.getMessage());
            if (json) {
                JsonOutput.print(spec.commandLine().getOut(), Map.of("error", e.getMessage(), "runningRunId", e.runId()));
            }
            return ExitCode.FAILED;
        }
        alerts.runEnded(definition, run.runId());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, run);
        } else {
            RunSummary.print(out, run);
        }
        return run.status() == RunStatus.COMPLETED ? ExitCode.OK : ExitCode.FAILED;
    }

    private static Database awaitDatabase(CompletableFuture<Database> opening) throws InterruptedException {
        try {
            return opening.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    static JobDefinition findJob(JobCatalog catalog, String name) {
        return catalog.find(name).orElseThrow(() -> {
            boolean broken = catalog.errors().stream().anyMatch(error -> error.file().getFileName().toString()
                    .equals(name + ".yaml"));
            if (broken) {
                catalog.errors().forEach(error -> System.err.println(error));
                return new ConfigurationException("job " + name + " has errors (see above); it is not run");
            }
            return new ConfigurationException("no job named " + name + " in " + catalog.directory()
                    + (catalog.jobs().isEmpty() ? "" : "; jobs: " + String.join(", ",
                    catalog.jobs().stream().map(JobDefinition::name).toList())));
        });
    }
}
