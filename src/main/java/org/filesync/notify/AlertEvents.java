package org.filesync.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.filesync.history.NotificationLog;
import org.filesync.history.RunHistory;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.jobs.NotifyEvent;
import org.filesync.jobs.NotifySection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which alert, if any, a run that ended calls for. Decided from the recorded history, not from
 * this process's memory, so a series of failures is followed across {@code run} processes and
 * {@code serve} nodes alike.
 */
final class AlertEvents {

    private static final Logger log = LoggerFactory.getLogger(AlertEvents.class);
    static final Set<RunStatus> FAILURES = EnumSet.of(RunStatus.FAILED, RunStatus.COMPLETED_WITH_ERRORS, RunStatus.SKIPPED);

    private final RunHistory history;
    private final NotificationLog notifications;
    private final Clock clock;

    AlertEvents(RunHistory history, NotificationLog notifications, Clock clock) {
        this.history = history;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * A failure, unless the same failure was alerted less than {@code remindEvery} ago within the
     * same series; a recovery for the first COMPLETED run after a failure; a success for any other
     * COMPLETED run. A run that is both a recovery and a success gets one alert, the recovery,
     * when both are wanted.
     */
    Optional<NotifyEvent> eventOf(RunRecord run, NotifySection rules) {
        if (FAILURES.contains(run.status())) {
            if (!rules.on().contains(NotifyEvent.FAILURE)) {
                return Optional.empty();
            }
            Optional<Instant> alerted = notifications.lastSentForSameFailure(run);
            if (alerted.isPresent() && alerted.get().plus(rules.remindEvery()).isAfter(clock.instant())) {
                log.info("job {} run {}: same failure as alerted at {}: not sent again before {} (remindEvery)",
                        run.job(), run.runId(), alerted.get(), alerted.get().plus(rules.remindEvery()));
                return Optional.empty();
            }
            return Optional.of(NotifyEvent.FAILURE);
        }
        if (run.status() != RunStatus.COMPLETED) {
            return Optional.empty();
        }
        if (rules.on().contains(NotifyEvent.RECOVERY)
                && history.previousOutcome(run).filter(FAILURES::contains).isPresent()) {
            return Optional.of(NotifyEvent.RECOVERY);
        }
        return rules.on().contains(NotifyEvent.SUCCESS) ? Optional.of(NotifyEvent.SUCCESS) : Optional.empty();
    }
}
