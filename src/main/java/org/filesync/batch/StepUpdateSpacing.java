package org.filesync.batch;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;

/**
 * Writes a running step's execution to the job repository at most once per {@link #SPACING}.
 * Spring Batch saves the step execution (and its context, when changed) after every chunk, commits
 * made while every other thread of the step waits; on H2, each commit also writes the file. The
 * transfer step takes its state from its rows, not from these counts, so a count a second old loses
 * nothing: a step's first save, and every save of a step that has ended or is to terminate, go
 * through at once. filesync stops a step by marking it to terminate, which needs no save; a stop
 * requested through Spring Batch alone is seen by the run's heartbeat.
 */
final class StepUpdateSpacing implements MethodInterceptor {

    static final Duration SPACING = Duration.ofSeconds(1);

    private final LongSupplier nanoClock;
    /** When each running step execution was last saved, by id. */
    private final Map<Long, Long> lastSaved = new ConcurrentHashMap<>();

    private StepUpdateSpacing(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** The repository, with its step saves spaced by {@code nanoClock} ({@link System#nanoTime}). */
    static JobRepository around(JobRepository repository, LongSupplier nanoClock) {
        ProxyFactory proxy = new ProxyFactory(repository);
        proxy.addAdvice(new StepUpdateSpacing(nanoClock));
        return (JobRepository) proxy.getProxy();
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        String method = invocation.getMethod().getName();
        Object[] arguments = invocation.getArguments();
        if (arguments.length != 1 || !(arguments[0] instanceof StepExecution step)
                || !(method.equals("update") || method.equals("updateExecutionContext"))) {
            return invocation.proceed();
        }
        if (savedAtOnce(step)) {
            if (step.getId() != null) {
                lastSaved.remove(step.getId()); // before the save, which may fail: nothing is kept for it
            }
            return invocation.proceed();
        }
        return due(step, method) ? invocation.proceed() : null;
    }

    /** A step not added yet, one that has ended, and one marked to terminate. */
    private static boolean savedAtOnce(StepExecution step) {
        return step.getId() == null || step.getStatus() != BatchStatus.STARTED || step.getEndTime() != null
                || step.isTerminateOnly();
    }

    private boolean due(StepExecution step, String method) {
        long now = nanoClock.getAsLong();
        Long last = lastSaved.get(step.getId());
        boolean due = last == null || now - last >= SPACING.toNanos();
        if (due && method.equals("update")) {
            // the context goes with the step's save that follows it: Spring Batch saves it first
            lastSaved.put(step.getId(), now);
        }
        return due;
    }
}
