package org.filesync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.support.JobRepositoryFactoryBean;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A running step's saves to the real job repository on H2, spaced to one a second. */
class StepUpdateSpacingTest {

    @TempDir
    Path dir;

    @Test
    void aRunningStepIsSavedOnceASecondAndAnEndedOneAtOnce() throws Exception {
        try (Database database = Database.open(DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db"), Map.of()), 2)) {
            AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
            JobRepositoryFactoryBean factory = new JobRepositoryFactoryBean();
            factory.setDataSource(database.dataSource());
            factory.setTransactionManager(new DataSourceTransactionManager(database.dataSource()));
            factory.afterPropertiesSet();
            JobRepository repository = StepUpdateSpacing.around(factory.getObject(), nanos::get);
            JobParameters parameters = new JobParametersBuilder().addLong("run", 1L).toJobParameters();
            JobExecution job = repository.createJobExecution("spacing", parameters);
            StepExecution step = job.createStepExecution("transfer");
            repository.add(step);
            step.setStatus(BatchStatus.STARTED);
            step.setStartTime(LocalDateTime.now());
            repository.update(step);
            assertThat(savedReadCount(database, step)).isZero();

            for (int chunk = 1; chunk <= 10; chunk++) {
                nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
                step.setReadCount(chunk);
                repository.updateExecutionContext(step);
                repository.update(step);
            }
            assertThat(savedReadCount(database, step)).as("ten chunks within half a second: none saved").isZero();

            nanos.addAndGet(TimeUnit.SECONDS.toNanos(1));
            step.setReadCount(11);
            repository.update(step);
            assertThat(savedReadCount(database, step)).isEqualTo(11);

            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(10));
            step.setReadCount(12);
            step.setStatus(BatchStatus.COMPLETED);
            step.setEndTime(LocalDateTime.now());
            repository.update(step);
            assertThat(savedReadCount(database, step)).as("the end is saved at once").isEqualTo(12);
            assertThat(database.jdbc().sql("SELECT STATUS FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?")
                    .param(step.getId()).query(String.class).single()).isEqualTo("COMPLETED");
        }
    }

    private static long savedReadCount(Database database, StepExecution step) {
        return database.jdbc().sql("SELECT READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_EXECUTION_ID = ?")
                .param(step.getId()).query(Long.class).single();
    }
}
