package org.filesync.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.jobs.JobDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code serve}'s check of the jobs' deadlines: when it starts, and then just after every whole
 * minute (deadlines are {@code HH:mm}), each scheduled job with a deadline whose fire was not
 * answered by a COMPLETED run in time gets its {@code deadline} alert, once.
 */
public final class DeadlineWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DeadlineWatcher.class);
    /** Checks run this long after the minute starts, so a timer waking a little early still sees the deadline passed. */
    private static final Duration AFTER_THE_MINUTE = Duration.ofSeconds(1);

    private final RunAlerts alerts;
    private final FiredJobs scheduler;
    private final String node;
    private final ScheduledExecutorService thread;

    DeadlineWatcher(RunAlerts alerts, FiredJobs scheduler, String node) {
        this.alerts = alerts;
        this.scheduler = scheduler;
        this.node = node;
        this.thread = Executors.newSingleThreadScheduledExecutor(new NamedThreadFactory("filesync-deadlines", true));
    }

    /** Checks the deadlines once before it returns (one missed while serve was down is alerted now), then every minute. */
    public static DeadlineWatcher start(RunAlerts alerts, FiredJobs scheduler, String node) {
        DeadlineWatcher watcher = new DeadlineWatcher(alerts, scheduler, node);
        watcher.check(Instant.now());
        watcher.scheduleNext();
        return watcher;
    }

    private void scheduleNext() {
        thread.schedule(() -> {
            check(Instant.now());
            scheduleNext();
        }, untilNextCheck(Instant.now()).toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Duration untilNextCheck(Instant now) {
        return Duration.between(now, now.truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1)).plus(AFTER_THE_MINUTE));
    }

    void check(Instant now) {
        for (JobDefinition job : scheduler.jobs()) {
            try {
                LocalTime deadline = alerts.rulesOf(job).deadline();
                Optional<Instant> since = scheduler.scheduledSince(job.name());
                if (deadline != null && since.isPresent()) {
                    DueFire.lastDue(job, deadline, now, since.get()).ifPresent(due -> alerts.deadlinePassed(job, due, node));
                }
            } catch (RuntimeException e) {
                log.warn("job {}: cannot check its deadline, tried again in a minute: {}", job.name(), e.getMessage());
                log.debug("deadline check of job {} failed", job.name(), e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
