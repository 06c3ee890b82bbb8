package org.filesync.batch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.time.LocalDateTime;
import javax.sql.DataSource;
import org.filesync.ftp.FailureMessages;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.configuration.support.MapJobRegistry;
import org.springframework.batch.core.configuration.support.ReferenceJobFactory;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.explore.support.JobExplorerFactoryBean;
import org.springframework.batch.core.launch.JobExecutionNotRunningException;
import org.springframework.batch.core.launch.NoSuchJobExecutionException;
import org.springframework.batch.core.launch.support.SimpleJobOperator;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Spring Batch's job repository, explorer, launcher and operator over filesync's database, built
 * directly (no application context): a {@code run} pays only for what it uses. Jobs, steps and
 * items report Spring Batch's Micrometer observations and meters ({@code spring.batch.job},
 * {@code spring.batch.step}, {@code spring.batch.item.*}) to Micrometer's global registry, where
 * Spring Boot's registries join them ({@code management.metrics.use-global-registry}, on by default).
 */
public final class BatchInfrastructure {

    private final JobRepository repository;
    private final JobExplorer explorer;
    private final TaskExecutorJobLauncher launcher;
    private final MapJobRegistry running = new MapJobRegistry();
    private final SimpleJobOperator operator;
    private final ObservationRegistry observations = ObservationRegistry.create();

    public BatchInfrastructure(DataSource dataSource) {
        // Spring Batch times active jobs and steps itself (spring.batch.job.active, tagged differently):
        // a second long task timer of the same name would be refused by the Prometheus registry
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters(),
                DefaultMeterObservationHandler.IgnoredMeters.LONG_TASK_TIMER));
        try {
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            JobRepositoryFactoryBean repositoryFactory = new JobRepositoryFactoryBean();
            repositoryFactory.setDataSource(dataSource);
            repositoryFactory.setTransactionManager(transactions);
            // SERIALIZABLE (the default) makes concurrent starts on PostgreSQL fail needlessly; the
            // job lock row already keeps two runs of one job apart.
            repositoryFactory.setIsolationLevelForCreate("ISOLATION_READ_COMMITTED");
            repositoryFactory.afterPropertiesSet();
            repository = StepUpdateSpacing.around(repositoryFactory.getObject(), System::nanoTime);

            JobExplorerFactoryBean explorerFactory = new JobExplorerFactoryBean();
            explorerFactory.setDataSource(dataSource);
            explorerFactory.setTransactionManager(transactions);
            explorerFactory.afterPropertiesSet();
            explorer = explorerFactory.getObject();

            launcher = new TaskExecutorJobLauncher();
            launcher.setJobRepository(repository);
            launcher.setTaskExecutor(new SyncTaskExecutor());
            launcher.afterPropertiesSet();

            operator = new SimpleJobOperator();
            operator.setJobRepository(repository);
            operator.setJobExplorer(explorer);
            operator.setJobLauncher(launcher);
            operator.setJobRegistry(running);
            operator.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up Spring Batch: " + FailureMessages.of(e), e);
        }
    }

    public JobRepository repository() {
        return repository;
    }

    public JobExplorer explorer() {
        return explorer;
    }

    public TaskExecutorJobLauncher launcher() {
        return launcher;
    }

    ObservationRegistry observations() {
        return observations;
    }

    MeterRegistry meters() {
        return Metrics.globalRegistry;
    }

    /** Makes a job known to the operator while it runs in this process, so that a stop reaches its steps. */
    void register(Job job) {
        running.unregister(job.getName());
        try {
            running.register(new ReferenceJobFactory(job));
        } catch (org.springframework.batch.core.configuration.DuplicateJobException e) {
            throw new IllegalStateException(e);
        }
    }

    void unregister(Job job) {
        running.unregister(job.getName());
    }

    /**
     * Spring Batch's stop of a running execution: it is marked STOPPING in the job repository and
     * its steps end STOPPED at their next chunk boundary. Whether it runs here or in another
     * process, restarting it later is allowed.
     *
     * @return false when the execution was not running
     */
    public boolean stop(long executionId) {
        try {
            return operator.stop(executionId);
        } catch (NoSuchJobExecutionException | JobExecutionNotRunningException e) {
            return false;
        }
    }

    /** Whether Spring Batch was asked to stop the execution (from this process or another). */
    boolean isStopping(long executionId) {
        JobExecution execution = explorer.getJobExecution(executionId);
        return execution != null && execution.getStatus() == BatchStatus.STOPPING;
    }

    /**
     * The execution a resumed run left, ready to be restarted: one its dead process left running
     * is marked FAILED first, through the job repository, as Spring Batch's reference documentation
     * prescribes for an execution whose process died. Null when it cannot be restarted (completed,
     * abandoned, or gone).
     *
     * @param executionId the execution of a run that filesync found FAILED, STOPPED or dead
     */
    JobExecution restartable(long executionId) {
        JobExecution execution = explorer.getJobExecution(executionId);
        if (execution == null) {
            return null;
        }
        if (execution.isRunning()) {
            markDead(execution);
        }
        BatchStatus status = execution.getStatus();
        return status == BatchStatus.FAILED || status == BatchStatus.STOPPED ? execution : null;
    }

    private void markDead(JobExecution execution) {
        LocalDateTime now = LocalDateTime.now();
        ExitStatus died = ExitStatus.FAILED.addExitDescription("interrupted: its process died");
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(died);
                step.setEndTime(now);
                repository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(died);
        execution.setEndTime(now);
        repository.update(execution);
    }
}
