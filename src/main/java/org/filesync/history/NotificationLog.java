package org.filesync.history;

import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The alerts of the runs: each one recorded when it is sent, and updated at each attempt. */
public final class NotificationLog {

    private final JdbcClient jdbc;

    public NotificationLog(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** @return the new notification's id */
    public long pending(long runId, String channel, String event) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO fs_notification (run_id, channel, event, status) VALUES (:run, :channel, :event, 'PENDING')")
                .param("run", runId).param("channel", channel).param("event", event).update(keys);
        return GeneratedKeys.id(keys, "notification_id");
    }

    /**
     * Records a deadline alert PENDING, with the job's latest run if it has one; empty when this
     * job's alert of this deadline by this channel is recorded already (by another node, at the
     * same moment): it is sent once.
     */
    public Optional<Long> pendingDeadline(Long runId, String job, Instant due, String channel) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("INSERT INTO fs_notification (run_id, job_name, due_at, channel, event, status) "
                            + "VALUES (:run, :job, :due, :channel, 'deadline', 'PENDING')")
                    .param("run", runId, Types.BIGINT).param("job", job).param("due", due.atOffset(ZoneOffset.UTC))
                    .param("channel", channel).update(keys);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
        return Optional.of(GeneratedKeys.id(keys, "notification_id"));
    }

    /** Whether the job's alert of the deadline {@code due} is recorded, by any channel, from any node. */
    public boolean deadlineAlerted(String job, Instant due) {
        return jdbc.sql("SELECT COUNT(*) FROM fs_notification WHERE job_name = :job AND due_at = :due")
                .param("job", job).param("due", due.atOffset(ZoneOffset.UTC)).query(Long.class).single() > 0;
    }

    /** Records an attempt that did not get through; the notification stays pending. */
    public void attemptFailed(long id, int attempts, String error) {
        jdbc.sql("UPDATE fs_notification SET attempts = :attempts, error = :error WHERE notification_id = :id "
                        + "AND status = 'PENDING'")
                .param("attempts", attempts).param("error", RunRegistry.truncate(error)).param("id", id).update();
    }

    public void sent(long id, int attempts, Instant at) {
        jdbc.sql("UPDATE fs_notification SET status = 'SENT', attempts = :attempts, error = NULL, sent_at = :at "
                        + "WHERE notification_id = :id AND status = 'PENDING'")
                .param("attempts", attempts).param("at", at.atOffset(ZoneOffset.UTC)).param("id", id)
                .update();
    }

    /** The last attempt failed: the notification is given up. */
    public void failed(long id, int attempts, String error) {
        jdbc.sql("UPDATE fs_notification SET status = 'FAILED', attempts = :attempts, error = :error "
                        + "WHERE notification_id = :id AND status = 'PENDING'")
                .param("attempts", attempts).param("error", RunRegistry.truncate(error)).param("id", id).update();
    }

    /**
     * Gives up a notification still under way, keeping its last attempt's error beside {@code reason};
     * one that was settled meanwhile keeps its outcome.
     */
    public void abandoned(long id, String reason) {
        String kept = jdbc.sql("SELECT error FROM fs_notification WHERE notification_id = :id").param("id", id)
                .query(String.class).optional().orElse(null);
        jdbc.sql("UPDATE fs_notification SET status = 'FAILED', error = :error WHERE notification_id = :id "
                        + "AND status = 'PENDING'")
                .param("error", RunRegistry.truncate(kept == null ? reason : reason + "; last attempt: " + kept))
                .param("id", id).update();
    }

    /**
     * When a failure alert was last delivered for the same failure as {@code run}'s (its job,
     * status and error) since the job's last COMPLETED run: a COMPLETED run ends the series. An
     * alert still being delivered counts from its run's end: the next failure can come before the
     * receiver has answered, and is the same failure all the same.
     */
    public Optional<Instant> lastSentForSameFailure(RunRecord run) {
        return jdbc.sql("SELECT MAX(COALESCE(n.sent_at, r.finished_at)) FROM fs_notification n JOIN fs_run r ON r.run_id = n.run_id "
                        + "WHERE r.job_name = :job AND n.event = 'failure' AND n.status IN ('SENT', 'PENDING') "
                        + "AND r.status = :status AND COALESCE(r.error, '') = :error AND r.run_id <> :id "
                        + "AND r.finished_at > (SELECT COALESCE(MAX(c.finished_at), TIMESTAMP WITH TIME ZONE "
                        + "'1970-01-01 00:00:00+00') FROM fs_run c WHERE c.job_name = :job AND c.status = 'COMPLETED')")
                .param("job", run.job()).param("status", run.status().name())
                .param("error", run.error() == null ? "" : run.error()).param("id", run.runId())
                .query((rs, row) -> Optional.ofNullable(RunHistory.instant(rs, 1))).single();
    }
}
