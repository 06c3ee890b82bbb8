package org.filesync.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.EverythingMatcher;
import org.quartz.listeners.TriggerListenerSupport;

/**
 * Quartz's meters, for which Micrometer has no binder: fed by a trigger listener and the scheduler's
 * API. Exported as {@code quartz_jobs_fired_total{job}} (fires this node took),
 * {@code quartz_triggers_misfired_total{job}} (fires this node found missed, whatever the job's
 * {@code misfire} key then did), {@code quartz_jobs_executing} (jobs running on this node now) and
 * {@code quartz_scheduler_state{state}} (1 for the scheduler's state, {@code started},
 * {@code standby} or {@code shutdown}; 0 for the others). Bind it before the scheduler starts, so
 * that it counts every fire.
 */
public final class QuartzMeters implements MeterBinder {

    private static final List<String> STATES = List.of("started", "standby", "shutdown");

    private final Scheduler scheduler;

    public QuartzMeters(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("quartz.jobs.executing", this, QuartzMeters::executing)
                .description("Jobs this node's Quartz scheduler is executing now").strongReference(true).register(registry);
        for (String state : STATES) {
            Gauge.builder("quartz.scheduler.state", this, meters -> state.equals(meters.state()) ? 1 : 0)
                    .tag("state", state).description("1 for the state of this node's Quartz scheduler, 0 for the others")
                    .strongReference(true).register(registry);
        }
        try {
            scheduler.getListenerManager().addTriggerListener(new Counting(registry), EverythingMatcher.allTriggers());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot listen to Quartz's triggers: " + e.getMessage(), e);
        }
    }

    private double executing() {
        try {
            return scheduler.getCurrentlyExecutingJobs().size();
        } catch (SchedulerException e) {
            return Double.NaN;
        }
    }

    private String state() {
        try {
            if (scheduler.isShutdown()) {
                return "shutdown";
            }
            // Quartz is in standby before start() as after standby().
            return scheduler.isInStandbyMode() ? "standby" : "started";
        } catch (SchedulerException e) {
            return "unknown";
        }
    }

    /**
     * Counts live here and the counters read them: the Prometheus registry joins the global one once
     * the web side has started, after the first fires, and still sees them.
     */
    private static final class Counting extends TriggerListenerSupport {

        private final MeterRegistry registry;
        private final Map<List<String>, AtomicLong> counts = new ConcurrentHashMap<>();

        Counting(MeterRegistry registry) {
            this.registry = registry;
        }

        @Override
        public String getName() {
            return "filesync-meters";
        }

        @Override
        public void triggerFired(Trigger trigger, JobExecutionContext context) {
            count("quartz.jobs.fired", "Fires of the job's trigger that this node took", trigger);
        }

        @Override
        public void triggerMisfired(Trigger trigger) {
            count("quartz.triggers.misfired", "Fires of the job's trigger that this node found missed", trigger);
        }

        private void count(String name, String description, Trigger trigger) {
            String job = trigger.getJobKey().getName();
            counts.computeIfAbsent(List.of(name, job), key -> {
                AtomicLong count = new AtomicLong();
                FunctionCounter.builder(name, count, AtomicLong::get).tag("job", job).description(description)
                        .register(registry);
                return count;
            }).incrementAndGet();
        }
    }
}
