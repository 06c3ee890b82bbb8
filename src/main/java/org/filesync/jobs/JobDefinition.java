package org.filesync.jobs;

import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
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
 * @param safeguards the delete limit and minimum age of the files taken
 * @param segmenting how big downloads are split into ranges fetched at once
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
        Safeguards safeguards,
        Segmenting segmenting,
        Path sourceFile) {

    public JobDefinition {
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** This job without its delete limit, for one run that a person allowed to delete more. */
    public JobDefinition withDeletesAllowed() {
        return new JobDefinition(name, description, schedule, timezone, direction, remote, localPath, include, exclude,
                delete, parallel, verify, retries, maxFailures, bandwidthLimit, misfire, alerts,
                safeguards.withDeletesAllowed(), segmenting, sourceFile);
    }

    public boolean isScheduled() {
        return schedule != null;
    }

    /** When the schedule fires next after {@code after}; empty for a manual-only job or a cron with no future time. */
    public Optional<Instant> nextFireTime(Instant after) {
        return cron().map(cron -> cron.getNextValidTimeAfter(Date.from(after))).map(Date::toInstant);
    }

    /**
     * The schedule's last fire time before {@code before} and at or after {@code notBefore}; empty
     * for a manual-only job or when it has none then. Quartz cannot step backwards, so it steps
     * forwards through a window that doubles until it holds a fire time.
     */
    public Optional<Instant> lastFireTimeBefore(Instant before, Instant notBefore) {
        Optional<CronExpression> cron = cron();
        if (cron.isEmpty()) {
            return Optional.empty();
        }
        for (Duration window = Duration.ofMinutes(1); ; window = window.multipliedBy(2)) {
            Instant from = before.minus(window).isAfter(notBefore) ? before.minus(window) : notBefore;
            Date next = cron.get().getNextValidTimeAfter(Date.from(from.minusMillis(1)));
            if (next != null && next.toInstant().isBefore(before)) {
                Date last = next;
                for (; next != null && next.toInstant().isBefore(before); next = cron.get().getNextValidTimeAfter(next)) {
                    last = next;
                }
                return Optional.of(last.toInstant());
            }
            if (from.equals(notBefore)) {
                return Optional.empty();
            }
        }
    }

    private Optional<CronExpression> cron() {
        if (schedule == null) {
            return Optional.empty();
        }
        try {
            CronExpression cron = new CronExpression(schedule);
            cron.setTimeZone(TimeZone.getTimeZone(timezone));
            return Optional.of(cron);
        } catch (ParseException e) {
            throw new IllegalStateException("schedule was validated on load: " + schedule, e);
        }
    }

    public PathFilter pathFilter() {
        return new PathFilter(include, exclude);
    }
}
