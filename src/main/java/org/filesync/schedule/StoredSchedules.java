package org.filesync.schedule;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.filesync.jobs.JobDefinition;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the scheduler's own tables say about the jobs' triggers, read with plain SQL: {@code jobs}
 * shows it without starting a scheduler.
 */
public final class StoredSchedules {

    private record Stored(String cron, String zone, Instant nextFireTime) {
    }

    private final Map<String, Stored> byJob;

    private StoredSchedules(Map<String, Stored> byJob) {
        this.byJob = byJob;
    }

    public static StoredSchedules read(JdbcClient jdbc) {
        Map<String, Stored> byJob = new HashMap<>();
        try {
            jdbc.sql("SELECT t.JOB_NAME, c.CRON_EXPRESSION, c.TIME_ZONE_ID, t.NEXT_FIRE_TIME FROM QRTZ_TRIGGERS t "
                            + "JOIN QRTZ_CRON_TRIGGERS c ON c.SCHED_NAME = t.SCHED_NAME AND c.TRIGGER_NAME = t.TRIGGER_NAME "
                            + "AND c.TRIGGER_GROUP = t.TRIGGER_GROUP WHERE t.SCHED_NAME = :scheduler AND t.TRIGGER_GROUP = :group")
                    .param("scheduler", SchedulerBuilder.SCHEDULER_NAME).param("group", JobTriggers.GROUP)
                    .query((rs, row) -> {
                        long next = rs.getLong(4);
                        byJob.put(rs.getString(1), new Stored(rs.getString(2), rs.getString(3),
                                rs.wasNull() || next <= 0 ? null : Instant.ofEpochMilli(next)));
                        return null;
                    })
                    .list();
        } catch (DataAccessException e) {
            // no Quartz tables readable: computed times it is
        }
        return new StoredSchedules(byJob);
    }

    /**
     * The next fire time the scheduler holds for the job when its trigger fires as the job file
     * says and that time is still ahead (or within the misfire threshold); else the one the job
     * file's cron expression gives after {@code now}.
     */
    public Optional<Instant> nextFireTime(JobDefinition job, Instant now) {
        Stored stored = byJob.get(job.name());
        if (job.isScheduled() && stored != null && stored.nextFireTime() != null
                && job.schedule().equals(stored.cron()) && job.timezone().getId().equals(stored.zone())
                && stored.nextFireTime().isAfter(now.minusMillis(SchedulerBuilder.MISFIRE_THRESHOLD_MILLIS))) {
            return Optional.of(stored.nextFireTime());
        }
        return job.nextFireTime(now);
    }
}
