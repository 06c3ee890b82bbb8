package org.filesync.notify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.filesync.jobs.JobDefinition;

/**
 * A fire whose run had to be COMPLETED by {@code due}: the job's deadline last passed, with the
 * job's last fire in the 24 h before it.
 */
record DueFire(Instant fire, Instant due) {

    /** How far before its deadline a fire may lie and still be the one the deadline is for. */
    static final Duration WINDOW = Duration.ofHours(24);

    /**
     * The deadline (a time of day in the job's zone) last passed at {@code now}, and the job's last
     * fire within the 24 h before it, not before {@code scheduledSince}; empty when there is no such fire.
     *
     * @param scheduledSince since when the scheduler fires the job as it does now: a fire its
     *                       schedule would have had earlier was never owed
     */
    static Optional<DueFire> lastDue(JobDefinition job, LocalTime deadline, Instant now, Instant scheduledSince) {
        Instant due = lastPassed(deadline, job.timezone(), now);
        Instant from = due.minus(WINDOW).isAfter(scheduledSince) ? due.minus(WINDOW) : scheduledSince;
        if (!from.isBefore(due)) {
            return Optional.empty();
        }
        return job.lastFireTimeBefore(due, from).map(fire -> new DueFire(fire, due));
    }

    /** A time of day that does not exist on a day (a DST gap) falls on the hour after, as in {@code atZone}. */
    private static Instant lastPassed(LocalTime deadline, ZoneId zone, Instant now) {
        var today = now.atZone(zone).toLocalDate();
        Instant due = today.atTime(deadline).atZone(zone).toInstant();
        return due.isAfter(now) ? today.minusDays(1).atTime(deadline).atZone(zone).toInstant() : due;
    }
}
