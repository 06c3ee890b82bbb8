package org.filesync.schedule;

import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import org.quartz.CronExpression;
import org.quartz.CronTrigger;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.Trigger;

/** Which scheduled fire time a fire answers: the RUN's {@code fireTime}. */
final class FireTimes {

    /** Enough for a two-second schedule missed for days. */
    private static final int MAX_STEPS = 200_000;

    private FireTimes() {
    }

    static Instant answered(JobExecutionContext context) {
        if (context.isRecovering()) {
            // Quartz's recovery trigger carries the time of the fire the dead node had taken.
            String original = context.getMergedJobDataMap()
                    .getString(Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                return Instant.ofEpochMilli(Long.parseLong(original));
            }
        }
        Date scheduled = context.getScheduledFireTime();
        Trigger trigger = context.getTrigger();
        // Cron times fall on whole seconds; "fire once now" after a misfire does not. That fire
        // answers the last cron time it stands in for.
        if (scheduled.getTime() % 1000 != 0 && trigger instanceof CronTrigger cron) {
            Date from = context.getPreviousFireTime() != null ? context.getPreviousFireTime() : trigger.getStartTime();
            Date missed = lastCronTimeUpTo(cron, from, scheduled);
            if (missed != null) {
                return missed.toInstant();
            }
        }
        return scheduled.toInstant();
    }

    private static Date lastCronTimeUpTo(CronTrigger trigger, Date after, Date limit) {
        try {
            CronExpression cron = new CronExpression(trigger.getCronExpression());
            cron.setTimeZone(trigger.getTimeZone());
            Date last = null;
            Date next = cron.getNextValidTimeAfter(after);
            for (int step = 0; next != null && !next.after(limit) && step < MAX_STEPS; step++) {
                last = next;
                next = cron.getNextValidTimeAfter(next);
            }
            return next == null || next.after(limit) ? last : null;
        } catch (ParseException e) {
            return null;
        }
    }
}
