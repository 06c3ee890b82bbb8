package org.filesync.batch;

import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.support.transaction.ResourcelessTransactionManager;

/**
 * The Spring Batch job of one run: plan → transfer → delete → finalize. The steps write the
 * history themselves in short transactions of their own, so their Spring Batch transaction is
 * resourceless rather than one database transaction around hours of transfer.
 */
final class MirrorJobFactory {

    private final JobRepository repository;

    MirrorJobFactory(JobRepository repository) {
        this.repository = repository;
    }

    Job create(MirrorRunContext run) {
        // Each step re-runs on restart: the plan is made afresh from both sides and the catalog
        // (DONE files are in it already), and the transfer step resumes what is partial.
        return new JobBuilder(run.job.name(), repository)
                .start(step("plan", new PlanStep(run)))
                .next(step("transfer", new TransferStep(run)))
                .next(step("delete", new DeleteStep(run)))
                .next(step("finalize", new FinalizeStep(run)))
                .build();
    }

    private Step step(String name, Tasklet tasklet) {
        return new StepBuilder(name, repository)
                .tasklet(new ExpectedFailureTasklet(tasklet), new ResourcelessTransactionManager())
                .allowStartIfComplete(true)
                .build();
    }
}
