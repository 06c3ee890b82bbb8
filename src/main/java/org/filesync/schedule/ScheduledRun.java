package org.filesync.schedule;

import java.time.Duration;
import java.util.Optional;
import org.filesync.batch.MirrorRunner;
import org.filesync.batch.LiveProgress;
import org.filesync.history.JobAlreadyRunningException;
import org.filesync.history.NodeIdentity;
import org.filesync.history.RunRegistry;
import org.filesync.history.RunTrigger;
import org.filesync.jobs.JobDefinition;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.mirror.StopRequest;
import org.filesync.notify.RunAlerts;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One fire of a job: of its trigger (a scheduled run) or of an operator's "run now" (a manual
 * run naming who asked). Runs the job through {@link MirrorRunner}, which resumes the job's last
 * failed or stopped run. A fire that finds its job running is not queued (Quartz's own
 * non-concurrency would delay it instead): it is recorded SKIPPED.
 */
final class ScheduledRun implements Job {

    private static final Logger log = LoggerFactory.getLogger(ScheduledRun.class);
    /**
     * A recovered fire's run belongs to a node the cluster found silent; its run heartbeats
     * stopped about as long ago, so it is taken as dead after this much silence rather than the
     * usual 30 s.
     */
    static final Duration RECOVERY_SILENCE = RunRegistry.HEARTBEAT_INTERVAL.multipliedBy(2);
    private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(30);
    private static final Duration RECOVERY_RETRY = Duration.ofSeconds(2);

    private final ScheduledJobs definitions;
    private final MirrorRunner runner;
    private final RunRegistry runs;
    private final NodeIdentity node;
    private final RunningRuns running;
    private final LiveRuns live;
    private final RunAlerts alerts;
    private final FilesyncMeters meters;

    ScheduledRun(ScheduledJobs definitions, MirrorRunner runner, RunRegistry runs, NodeIdentity node, RunningRuns running,
                 LiveRuns live, RunAlerts alerts, FilesyncMeters meters) {
        this.definitions = definitions;
        this.runner = runner;
        this.runs = runs;
        this.node = node;
        this.running = running;
        this.live = live;
        this.alerts = alerts;
        this.meters = meters;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getJobDetail().getKey().getName();
        RunTrigger trigger = runTrigger(context);
        boolean recovering = context.isRecovering();
        log.info("job {} fired ({}{})", name, trigger.startedBy() == null ? "scheduled " + trigger.fireTime()
                : "run now by " + trigger.startedBy(), recovering ? ", recovering it from a node that died" : "");
        Optional<JobDefinition> job = definitions.find(name);
        if (job.isEmpty()) {
            log.warn("job {} fired, but this node has no valid job file for it: not run", name);
            return;
        }
        StopRequest stop = running.begin();
        try {
            run(job.get(), trigger, recovering, stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.end(stop);
        }
    }

    /** A "run now" fire carries who asked for it; Quartz's recovery of a fire keeps its data. */
    private static RunTrigger runTrigger(JobExecutionContext context) {
        String startedBy = context.getMergedJobDataMap().getString(JobTriggers.STARTED_BY);
        return startedBy != null ? RunTrigger.manual(startedBy) : RunTrigger.scheduled(FireTimes.answered(context));
    }

    private void run(JobDefinition job, RunTrigger trigger, boolean recovering, StopRequest stop)
            throws InterruptedException {
        long deadline = System.nanoTime() + RECOVERY_PATIENCE.toNanos();
        while (true) {
            try {
                if (recovering) {
                    runs.closeSilentRuns(job.name(), node, RECOVERY_SILENCE);
                }
                LiveProgress progress = live.track(job.name());
                try {
                    alerts.runEnded(job, runner.run(job, trigger, progress, stop).runId());
                } finally {
                    live.release(progress);
                }
                return;
            } catch (JobAlreadyRunningException e) {
                if (!recovering || stop.isRequested() || System.nanoTime() > deadline) {
                    long skipped = runs.skipped(job.name(), trigger, node, e.getMessage());
                    meters.runSkipped(job.name());
                    log.info("job {} fire of {} skipped: {}", job.name(),
                            trigger.fireTime() == null ? "now" : trigger.fireTime(), e.getMessage());
                    alerts.runEnded(job, skipped);
                    return;
                }
                Thread.sleep(RECOVERY_RETRY.toMillis());
            }
        }
    }
}
