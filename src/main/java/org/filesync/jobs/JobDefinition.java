package org.filesync.jobs;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * One job file, validated: every relative path already resolved against the file's folder.
 *
 * @param schedule the Quartz cron expression, or {@code null} for a manual-only job
 * @param bandwidthLimit bytes per second for the whole job, 0 for unlimited
 * @param maxFailures failed files after which the run stops, 0 for no limit
 * @param alerts the job's own alert settings, before the settings file's defaults
 */
public record JobDefinition(
        String name,
        String description,
        String schedule,
        ZoneId timezone,
        Direction direction,
        RemoteEndpoint remote,
        Path localPath,
        List<String> include,
        List<String> exclude,
        boolean delete,
        int parallel,
        VerifyMode verify,
        int retries,
        int maxFailures,
        long bandwidthLimit,
        MisfirePolicy misfire,
        NotifySection alerts,
        Path sourceFile) {

    public JobDefinition {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    public boolean isScheduled() {
        return schedule != null;
    }

    /** When the schedule fires next after {@code after}; empty for a manual-only job or a cron with no future time. */
    public Optional<Instant> nextFireTime(Instant after) {
        if (schedule == null) {
            return Optional.empty();
        }
        try {
            CronExpression cron = new CronExpression(schedule);
            cron.setTimeZone(TimeZone.getTimeZone(timezone));
            return Optional.ofNullable(cron.getNextValidTimeAfter(Date.from(after))).map(Date::toInstant);
        } catch (ParseException e) {
            throw new IllegalStateException("schedule was validated on load: " + schedule, e);
        }
    }

    public PathFilter pathFilter() {
        return new PathFilter(include, exclude);
    }
}
