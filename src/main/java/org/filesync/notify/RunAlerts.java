package org.filesync.notify;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.history.Database;
import org.filesync.history.NotificationLog;
import org.filesync.history.RunHistory;
import org.filesync.metrics.FilesyncMeters;
import org.filesync.history.RunRecord;
import org.filesync.jobs.JobDefinition;
import org.filesync.jobs.NotifyEvent;
import org.filesync.jobs.NotifySection;
import org.filesync.settings.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the alerts of runs that ended and of missed deadlines, off the runs' threads: each alert is
 * recorded PENDING with its run, then delivered on a thread of its own, with up to {@link #ATTEMPTS} attempts and a
 * growing pause between them, and recorded SENT or FAILED. A slow or dead receiver never delays
 * or fails a run.
 */
public final class RunAlerts {

    private static final Logger log = LoggerFactory.getLogger(RunAlerts.class);
    private static final int ATTEMPTS = 3;
    private static final Duration FIRST_PAUSE = Duration.ofSeconds(1);
    private static final int THREADS = 4;
    /** What a job gets when neither its file nor the settings file says. */
    private static final NotifySection BUILT_IN = new NotifySection(EnumSet.of(NotifyEvent.FAILURE, NotifyEvent.RECOVERY),
            null, null, null, Duration.ofHours(24), null);

    private final NotifySection defaults;
    private final List<AlertChannel> channels;
    private final NotificationLog notifications;
    private final RunHistory history;
    private final AlertEvents events;
    private final Clock clock;
    private final ThreadPoolExecutor senders;
    /** Alerts being delivered: record id → channel. */
    private final Map<Long, String> inFlight = new ConcurrentHashMap<>();
    private final FilesyncMeters meters;

    RunAlerts(Database database, ServerSettings settings, List<AlertChannel> channels, Clock clock, FilesyncMeters meters) {
        this.meters = meters;
        this.defaults = settings.notifyDefaults().over(BUILT_IN);
        this.channels = List.copyOf(channels);
        this.notifications = new NotificationLog(database.dataSource());
        this.history = new RunHistory(database.jdbc());
        this.events = new AlertEvents(history, notifications, clock);
        this.clock = clock;
        this.senders = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("filesync-alert", true));
        senders.allowCoreThreadTimeOut(true);
    }

    /** The alerts of this process's runs, by every channel there is. */
    public static RunAlerts start(Database database, ServerSettings settings, FilesyncMeters meters) {
        return new RunAlerts(database, settings, List.of(new WebhookChannel(),
                new EmailChannel(settings.mail(), new RunHistory(database.jdbc()))), Clock.systemUTC(), meters);
    }

    /**
     * Sends the alert the run calls for, if any, by each channel the job uses. Returns at once;
     * a failure to record or decide it is logged, never thrown at the run.
     */
    public void runEnded(JobDefinition job, long runId) {
        try {
            RunRecord run = history.run(runId).orElseThrow(() -> new IllegalStateException("no run " + runId));
            NotifySection rules = rulesOf(job);
            List<AlertChannel> used = channelsFor(rules);
            if (used.isEmpty()) {
                return;
            }
            Optional<NotifyEvent> event = events.eventOf(run, rules);
            if (event.isEmpty()) {
                return;
            }
            Alert alert = Alert.ofRun(event.get(), run);
            for (AlertChannel channel : used) {
                dispatch(notifications.pending(run.runId(), channel.name(), event.get().key()), channel, alert, rules);
            }
        } catch (RuntimeException e) {
            log.error("job {} run {}: cannot send its alerts", job.name(), runId, e);
        }
    }

    /** A job's own notify section over the settings file's and the built-in defaults. */
    NotifySection rulesOf(JobDefinition job) {
        return job.alerts().over(defaults);
    }

    /**
     * Sends the deadline alert of {@code due} by each channel the job uses, unless a COMPLETED run
     * answered the fire in time or the alert is recorded already: the record, unique per job,
     * deadline and channel, makes it once per missed deadline across restarts and nodes.
     */
    void deadlinePassed(JobDefinition job, DueFire due, String node) {
        NotifySection rules = rulesOf(job);
        List<AlertChannel> used = channelsFor(rules);
        if (used.isEmpty() || notifications.deadlineAlerted(job.name(), due.due())
                || history.completedInTime(job.name(), due.fire(), due.due())) {
            return;
        }
        RunRecord latest = history.recentRuns(job.name(), 1).stream().findFirst().orElse(null);
        log.info("job {}: no COMPLETED run answering its fire of {} by its deadline {}", job.name(), due.fire(), due.due());
        Alert alert = new Alert(NotifyEvent.DEADLINE, job.name(), latest, node, due);
        for (AlertChannel channel : used) {
            notifications.pendingDeadline(latest == null ? null : latest.runId(), job.name(), due.due(), channel.name())
                    .ifPresent(id -> dispatch(id, channel, alert, rules));
        }
    }

    private List<AlertChannel> channelsFor(NotifySection rules) {
        return channels.stream().filter(channel -> channel.isConfigured(rules)).toList();
    }

    private void dispatch(long id, AlertChannel channel, Alert alert, NotifySection rules) {
        inFlight.put(id, channel.name());
        senders.execute(() -> {
            try {
                deliver(id, channel, alert, rules);
            } finally {
                inFlight.remove(id);
            }
        });
    }

    private void deliver(long id, AlertChannel channel, Alert alert, NotifySection rules) {
        String what = alert.describe() + " by " + channel.name();
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1; ; attempt++) {
            try {
                channel.send(alert, rules);
                notifications.sent(id, attempt, clock.instant());
                meters.notificationEnded(channel.name(), "sent");
                log.info("{} sent (attempt {})", what, attempt);
                return;
            } catch (DeliveryFailure e) {
                if (e.isPermanent() || attempt == ATTEMPTS) {
                    notifications.failed(id, attempt, e.getMessage());
                    meters.notificationEnded(channel.name(), "failed");
                    log.warn("{} not delivered after {} attempt(s): {}", what, attempt, e.getMessage());
                    return;
                }
                notifications.attemptFailed(id, attempt, e.getMessage());
                log.debug("{}: attempt {} failed, trying again in {} ms: {}", what, attempt, pause.toMillis(),
                        e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    return; // given up by awaitDelivery, which records it
                }
                pause = pause.multipliedBy(2);
            } catch (InterruptedException e) {
                return; // given up by awaitDelivery, which records it
            } catch (RuntimeException e) {
                log.error("{} failed", what, e);
                notifications.failed(id, attempt, FailureMessages.of(e));
                meters.notificationEnded(channel.name(), "failed");
                return;
            }
        }
    }

    /**
     * Waits at most {@code patience} for the alerts still in flight, then gives them up, recorded
     * FAILED: for a process about to exit.
     */
    public void awaitDelivery(Duration patience) throws InterruptedException {
        senders.shutdown();
        if (senders.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
        }
        Map<Long, String> undelivered = Map.copyOf(inFlight);
        undelivered.forEach((id, channel) -> {
            notifications.abandoned(id, "not delivered within " + patience.toSeconds() + " s of the run's end: filesync exited");
            meters.notificationEnded(channel, "failed");
        });
        senders.shutdownNow();
        if (!undelivered.isEmpty()) {
            log.warn("{} alert(s) not delivered within {} s; recorded as failed", undelivered.size(), patience.toSeconds());
        }
    }
}
