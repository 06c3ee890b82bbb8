package org.filesync.schedule;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.filesync.batch.MirrorRunner;
import org.filesync.batch.ProgressSnapshot;
import org.filesync.ftp.FtpSessionFactory;
import org.filesync.ftp.FtpSessionSettings;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.history.Database;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRegistry;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.JobCatalog;
import org.filesync.jobs.JobFileError;
import org.filesync.jobs.JobFolderWatcher;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.metrics.QuartzMeters;
import org.filesync.notify.FiredJobs;
import org.filesync.notify.RunAlerts;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This process's part of the scheduler: fires the jobs of the jobs folder on their schedules,
 * follows the folder as it changes, and stops gracefully, letting running transfers reach a safe
 * point. With other nodes on the same database it forms a Quartz cluster.
 */
public final class SchedulerNode implements FiredJobs {

    private static final Logger log = LoggerFactory.getLogger(SchedulerNode.class);
    private static final Duration RELOAD_INTERVAL = Duration.ofSeconds(2);

    private final Scheduler scheduler;
    private final ScheduledJobs definitions;
    private final RunningRuns running;
    private final LiveRuns live;
    private final ScheduledExecutorService reloader;
    private final int scheduledAtStart;
    private final Database database;
    private final JobControl control;

    private SchedulerNode(Scheduler scheduler, ScheduledJobs definitions, RunningRuns running, LiveRuns live,
                          ScheduledExecutorService reloader, int scheduledAtStart, Database database,
                          JobControl control) {
        this.scheduler = scheduler;
        this.definitions = definitions;
        this.running = running;
        this.live = live;
        this.reloader = reloader;
        this.scheduledAtStart = scheduledAtStart;
        this.database = database;
        this.control = control;
    }

    /** Stores the triggers of the folder's jobs and starts firing them; each run that ends sends its alerts and is recorded in {@code meters}. */
    public static SchedulerNode start(Database database, Path jobsDirectory, NodeIdentity node,
                                      Function<FtpSessionSettings, FtpSessionFactory> sessionFactories,
                                      RunAlerts alerts, FilesyncMeters meters)
            throws SchedulerException {
        RunRegistry runs = new RunRegistry(database.dataSource());
        int closed = runs.closeDeadRuns(node);
        if (closed > 0) {
            log.info("closed {} run(s) whose process had died as FAILED (interrupted)", closed);
        }
        MirrorRunner runner = new MirrorRunner(database, sessionFactories, node, meters);
        ScheduledJobs definitions = new ScheduledJobs();
        RunningRuns running = new RunningRuns();
        LiveRuns live = new LiveRuns();
        Scheduler scheduler = SchedulerBuilder.build(database, node,
                (bundle, owner) -> new ScheduledRun(definitions, runner, runs, node, running, live, alerts, meters));
        try {
            meters.bind(new QuartzMeters(scheduler));
            TriggerSync sync = new TriggerSync(scheduler, definitions);
            JobFolderWatcher folder = new JobFolderWatcher(jobsDirectory, System::getenv);
            JobCatalog catalog = folder.load();
            int scheduled = sync.apply(catalog);
            restoreLastSuccesses(catalog, database, meters);
            scheduler.start();
            ScheduledExecutorService reloader = Executors.newSingleThreadScheduledExecutor(
                    new NamedThreadFactory("filesync-reload", true));
            long period = RELOAD_INTERVAL.toMillis();
            reloader.scheduleWithFixedDelay(() -> reload(folder, sync), period, period, TimeUnit.MILLISECONDS);
            log.info("node {} serving {} scheduled job(s) from {}", node.name(), scheduled, jobsDirectory);
            return new SchedulerNode(scheduler, definitions, running, live, reloader, scheduled, database,
                    new JobControl(scheduler, sync, definitions::find, database));
        } catch (SchedulerException | RuntimeException e) {
            scheduler.shutdown(false);
            throw e;
        }
    }

    /** Each job's last success comes from the history, so that an alert on it survives a restart. */
    private static void restoreLastSuccesses(JobCatalog catalog, Database database, FilesyncMeters meters) {
        Map<String, Instant> lastSuccesses = new RunHistory(database.jdbc()).lastSuccessOfEachJob();
        for (JobDefinition job : catalog.jobs()) {
            Instant last = lastSuccesses.get(job.name());
            if (last != null) {
                meters.lastSuccess(job.name(), last);
            }
        }
    }

    private static void reload(JobFolderWatcher folder, TriggerSync sync) {
        try {
            folder.reloadIfChanged().ifPresent(catalog -> {
                try {
                    int scheduled = sync.apply(catalog);
                    log.info("jobs folder reloaded: {} scheduled job(s)", scheduled);
                } catch (SchedulerException e) {
                    log.warn("cannot apply the changed job files to the scheduler: {}", e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            log.warn("cannot reload the jobs folder: {}", e.getMessage());
        }
    }

    @Override
    public Collection<JobDefinition> jobs() {
        return definitions.all().values().stream().filter(JobDefinition::isScheduled).toList();
    }

    @Override
    public Optional<Instant> scheduledSince(String job) {
        try {
            return Optional.ofNullable(scheduler.getTrigger(JobTriggers.triggerKey(job))).map(Trigger::getStartTime)
                    .map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the trigger of job " + job + ": " + e.getMessage(), e);
        }
    }

    /**
     * Every job this node holds (valid files, and the last valid definition of a file broken since)
     * as the live scheduler has it: next fire time, paused, running now on any node.
     */
    public List<JobStatus> jobStatuses() {
        return JobStatuses.read(definitions.all().values(), scheduler, database);
    }

    /** A job this node holds: its file's definition, or the last valid one of a file broken since. */
    public Optional<JobDefinition> job(String name) {
        return definitions.find(name);
    }

    /** The job files' errors at the last load of the jobs folder. */
    public List<JobFileError> jobFileErrors() {
        return definitions.errors();
    }

    /** Run now, pause, resume and stop, through this node's scheduler. */
    public JobControl control() {
        return control;
    }

    /** Whether the scheduler takes fires: started, and neither in standby nor shut down. */
    public boolean isFiring() {
        try {
            return scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /**
     * The progress of a run this node is running, or ran less than {@link LiveRuns#KEPT_AFTER_END}
     * ago; empty for any other run (another node's, or an older one: the history has its figures).
     */
    public Optional<ProgressSnapshot> progress(long runId) {
        return live.progress(runId);
    }

    /** How many jobs had a trigger once start-up stored them. */
    public int scheduledAtStart() {
        return scheduledAtStart;
    }

    /**
     * Takes no more fires, asks every running run to stop at a safe point (recorded STOPPED, its
     * progress kept for the next fire to resume), waits for them at most {@code grace}, then shuts
     * the scheduler down.
     *
     * @return whether every run ended within {@code grace}
     */
    public boolean stop(Duration grace) throws InterruptedException {
        reloader.shutdownNow();
        try {
            scheduler.standby();
        } catch (SchedulerException e) {
            log.warn("cannot put the scheduler in standby: {}", e.getMessage());
        }
        running.stopAll();
        boolean ended = running.awaitNone(grace);
        if (!ended) {
            log.warn("runs still going after {} s: shutting down without them", grace.toSeconds());
        }
        try {
            scheduler.shutdown(ended);
        } catch (SchedulerException e) {
            log.warn("cannot shut the scheduler down cleanly: {}", e.getMessage());
        }
        return ended;
    }
}
