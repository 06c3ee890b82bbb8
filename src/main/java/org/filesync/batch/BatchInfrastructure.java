package org.filesync.batch;

import java.time.LocalDateTime;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.explore.support.JobExplorerFactoryBean;
import org.springframework.batch.core.launch.support.TaskExecutorJobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Spring Batch's job repository, explorer and launcher over filesync's database, built directly
 * (no application context): a {@code run} pays only for what it uses.
 */
public final class BatchInfrastructure {

    private final JobRepository repository;
    private final JobExplorer explorer;
    private final TaskExecutorJobLauncher launcher;

    public BatchInfrastructure(DataSource dataSource) {
        try {
            DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
            JobRepositoryFactoryBean repositoryFactory = new JobRepositoryFactoryBean();
            repositoryFactory.setDataSource(dataSource);
            repositoryFactory.setTransactionManager(transactions);
            // SERIALIZABLE (the default) makes concurrent starts on PostgreSQL fail needlessly; the
            // job lock row already keeps two runs of one job apart.
            repositoryFactory.setIsolationLevelForCreate("ISOLATION_READ_COMMITTED");
            repositoryFactory.afterPropertiesSet();
            repository = repositoryFactory.getObject();

            JobExplorerFactoryBean explorerFactory = new JobExplorerFactoryBean();
            explorerFactory.setDataSource(dataSource);
            explorerFactory.setTransactionManager(transactions);
            explorerFactory.afterPropertiesSet();
            explorer = explorerFactory.getObject();

            launcher = new TaskExecutorJobLauncher();
            launcher.setJobRepository(repository);
            launcher.setTaskExecutor(new SyncTaskExecutor());
            launcher.afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException("cannot set up Spring Batch: " + e.getMessage(), e);
        }
    }

    public JobRepository repository() {
        return repository;
    }

    public TaskExecutorJobLauncher launcher() {
        return launcher;
    }

    /**
     * Marks executions of {@code jobName} that a dead process left STARTED as FAILED, so that
     * Spring Batch lets the next launch restart them. Call only while holding the job's lock
     * with no live run of the job.
     */
    public void failAbandonedExecutions(String jobName) {
        Set<JobExecution> running = explorer.findRunningJobExecutions(jobName);
        for (JobExecution execution : running) {
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution step : execution.getStepExecutions()) {
                if (step.getStatus().isRunning()) {
                    step.setStatus(BatchStatus.FAILED);
                    step.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted: its process died"));
                    step.setEndTime(now);
                    repository.update(step);
                }
            }
            execution.setStatus(BatchStatus.FAILED);
            execution.setExitStatus(ExitStatus.FAILED.addExitDescription("interrupted: its process died"));
            execution.setEndTime(now);
            repository.update(execution);
        }
    }
}
