package org.filesync.batch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Ends a step FAILED, without an exception, when its tasklet fails in a way the operator can act
 * on ({@link RunFailedException}: a refused login, an untrusted certificate, an unreachable host, a
 * missing folder). Thrown on to Spring Batch, the exception would be logged with its whole trace at
 * ERROR; here it stays one line, the run's {@code error}, with the trace at DEBUG. Anything else (a
 * bug) is thrown on and keeps its trace.
 */
final class ExpectedFailureTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(ExpectedFailureTasklet.class);

    private final Tasklet step;

    ExpectedFailureTasklet(Tasklet step) {
        this.step = step;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        try {
            return step.execute(contribution, chunkContext);
        } catch (RunFailedException e) {
            StepExecution execution = chunkContext.getStepContext().getStepExecution();
            log.debug("job {}: step {} failed", execution.getJobExecution().getJobInstance().getJobName(),
                    execution.getStepName(), e);
            // The failure exception carries the run's error to MirrorRunner; FAILED ends the job there,
            // restartable like any failed job execution.
            execution.addFailureException(e);
            execution.setStatus(BatchStatus.FAILED);
            contribution.setExitStatus(ExitStatus.FAILED.addExitDescription(e.getMessage()));
            return RepeatStatus.FINISHED;
        }
    }
}
