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
 * Spring Batch saves the step execution and its context after every chunk, two commits made while
 * every other thread of the step waits; on H2, each commit also writes the file. The transfer step
 * takes its state from its rows, not from these counts, so a count a second old loses nothing:
 * the first save of a step and every save once it has ended still go through at once. A stop
 * requested through Spring Batch is seen at the next save that goes through, within a second.
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
        if (arguments.length == 1 && arguments[0] instanceof StepExecution step
                && (method.equals("update") || method.equals("updateExecutionContext")) && !due(step, method)) {
            return null;
        }
        return invocation.proceed();
    }

    private boolean due(StepExecution step, String method) {
        Long id = step.getId();
        if (id == null || step.getStatus() != BatchStatus.STARTED || step.getEndTime() != null
                || step.isTerminateOnly()) {
            if (id != null) {
                lastSaved.remove(id);
            }
            return true;
        }
        long now = nanoClock.getAsLong();
        Long last = lastSaved.get(id);
        if (method.equals("updateExecutionContext")) {
            // the context goes with the step's save that follows it: Spring Batch saves it first
            return last == null || now - last >= SPACING.toNanos();
        }
        if (last == null || now - last >= SPACING.toNanos()) {
            lastSaved.put(id, now);
            return true;
        }
        return false;
    }
}
