package org.filesync.batch;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobParametersBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;

/** Spring Batch, on a real job repository, logs a bug's trace but not an expected failure's. */
class ExpectedFailureTaskletTest {

    @TempDir
    Path dir;

    private Database database;
    private BatchInfrastructure batch;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void openRepository() {
        database = Database.open(DatabaseSettings.resolve("jdbc:h2:file:" + dir.resolve("db"), Map.of()), 2);
        batch = new BatchInfrastructure(database.dataSource());
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void close() {
        root.detachAppender(logged);
        database.close();
    }

    private JobExecution runStepThatThrows(RuntimeException failure) throws Exception {
        Tasklet failing = (contribution, chunkContext) -> {
            throw failure;
        };
        var job = new JobBuilder("job", batch.repository())
                .start(new StepBuilder("plan", batch.repository())
                        .tasklet(new ExpectedFailureTasklet(failing), new ResourcelessTransactionManager()).build())
                .build();
        return batch.launcher().run(job, new JobParametersBuilder().addLong("instance", 1L).toJobParameters());
    }

    @Test
    void expectedFailureFailsTheJobWithItsMessageAndNoErrorLog() throws Exception {
        RunFailedException refused = new RunFailedException("login refused for user u (PASS: 530 Login incorrect.)", null);

        JobExecution execution = runStepThatThrows(refused);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(execution.getAllFailureExceptions()).containsExactly(refused);
        assertThat(logged.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }

    @Test
    void unexpectedExceptionIsLoggedWithItsTrace() throws Exception {
        NullPointerException bug = new NullPointerException("a bug");

        JobExecution execution = runStepThatThrows(bug);

        assertThat(execution.getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(logged.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getThrowableProxy()).isNotNull();
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(NullPointerException.class.getName());
        });
    }
}
