package org.filesync.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/** The transfer step as Spring Batch sees it: chunks, skips, restarts of one job instance, and its stop. */
class TransferStepTest {

    @TempDir
    Path dir;

    @Test
    void filesMoveInChunksThatTheJobRepositoryRecords() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        for (int i = 0; i < 250; i++) {
            Files.writeString(served.resolve("f" + i + ".txt"), "file " + i);
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("chunks", server, "download", "pub", dir.resolve("target"),
                    "parallel: 2"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            StepExecution transfer = step(harness, run, "transfer");
            assertThat(transfer.getStatus()).isEqualTo(BatchStatus.COMPLETED);
            assertThat(transfer.getReadCount()).isEqualTo(250);
            assertThat(transfer.getWriteCount()).isEqualTo(250);
            // at most 100 files a chunk, on two threads: at least three chunks, each its own commit
            assertThat(transfer.getCommitCount()).isGreaterThanOrEqualTo(3);
            assertThat(harness.transfers(run.runId())).hasSize(250)
                    .allSatisfy(row -> assertThat(row.status()).isEqualTo(TransferStatus.DONE));
        }
    }

    @Test
    void chunksWhoseEveryFileFailsDoNotEndTheRecordingOfTheOthers() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.writeString(served.resolve("a.txt"), "a");
        Files.writeString(served.resolve("refused-1.bin"), "refused");
        Files.writeString(served.resolve("refused-2.bin"), "refused");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.answerInstead("RETR /pub/refused-1.bin", "550 refused-1.bin: Permission denied");
            proxy.answerInstead("RETR /pub/refused-2.bin", "550 refused-2.bin: Permission denied");

            RunRecord run = harness.run(harness.job("empty-chunks", server, proxy.port(), "download", "pub",
                    dir.resolve("target")));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(run.filesTransferred()).isEqualTo(1);
            assertThat(harness.transfer(run.runId(), "a.txt").status()).isEqualTo(TransferStatus.DONE);
        }
    }

    @Test
    void aHistoryThatCannotRecordTransferredFilesFailsTheRunAndTheNextRunAdoptsThem() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.writeString(served.resolve("a.txt"), "a");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            JobDefinition job = harness.job("unrecorded", server, "download", "pub", dir.resolve("target"));
            harness.database().jdbc().sql("ALTER TABLE fs_synced_file ADD CONSTRAINT refuse_all CHECK (file_size < 0)")
                    .update();

            RunRecord failed = harness.run(job);

            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).startsWith("could not record transferred files: ").doesNotContain("\n");
            assertThat(dir.resolve("target/a.txt")).hasContent("a");

            harness.database().jdbc().sql("ALTER TABLE fs_synced_file DROP CONSTRAINT refuse_all").update();
            RunRecord next = harness.run(job);

            assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(next.filesTransferred()).isZero();
            assertThat(harness.database().jdbc().sql("SELECT path FROM fs_synced_file WHERE job_name = 'unrecorded'")
                    .query(String.class).list()).containsExactly("a.txt");
        }
    }

    @Test
    void aFailedRunIsRestartedAsTheSameJobInstanceAndPicksUpItsPendingFiles() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.write(served.resolve("big.bin"), new byte[50_000]);
        for (int i = 0; i < 5; i++) {
            Files.writeString(served.resolve("small" + i + ".txt"), "small " + i);
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            JobDefinition job = harness.job("restart", server, proxy.port(), "download", "pub", dir.resolve("target"),
                    "maxFailures: 1", "parallel: 1");
            proxy.answerOnceInstead("RETR /pub/big.bin", "550 big.bin: not now");

            RunRecord failed = harness.run(job);
            RunRecord resumed = harness.run(job);

            assertThat(failed.status()).isEqualTo(RunStatus.FAILED);
            assertThat(failed.error()).isEqualTo("too many failed files (1)");
            StepExecution firstTransfer = step(harness, failed, "transfer");
            assertThat(firstTransfer.getProcessSkipCount()).isEqualTo(1);
            assertThat(firstTransfer.getStatus()).isEqualTo(BatchStatus.FAILED);

            assertThat(resumed.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(resumed.resumes()).isEqualTo(failed.runId());
            JobExecution first = execution(harness, failed);
            JobExecution second = execution(harness, resumed);
            assertThat(second.getId()).isNotEqualTo(first.getId());
            assertThat(second.getJobInstance().getInstanceId()).isEqualTo(first.getJobInstance().getInstanceId());
            assertThat(explorer(harness).getJobExecutions(second.getJobInstance())).hasSize(2);
            assertThat(step(harness, resumed, "transfer").getWriteCount()).isEqualTo(6);
            assertThat(MirrorHarness.tree(dir.resolve("target"))).isEqualTo(MirrorHarness.tree(served));
        }
    }

    @Test
    void springBatchsStopFromAnotherProcessEndsTheRunStoppedAndItsRestartFinishesIt() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.write(served.resolve("slow.bin"), new byte[3 << 20]);
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            JobDefinition job = harness.job("stoppable", server, "download", "pub", dir.resolve("target"),
                    "bandwidthLimit: 256KB");
            CompletableFuture<RunRecord> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return harness.run(job);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            long executionId = awaitExecution(harness);
            awaitPartial(dir.resolve("target/.slow.bin.filesync-part"));

            // another process's operator: it shares nothing with the run but the database
            BatchInfrastructure other = new BatchInfrastructure(harness.database().dataSource());
            assertThat(other.stop(executionId)).isTrue();
            RunRecord stopped = running.get(30, TimeUnit.SECONDS);
            RunRecord finished = harness.run(harness.job("stoppable", server, "download", "pub", dir.resolve("target")));

            assertThat(stopped.status()).isEqualTo(RunStatus.STOPPED);
            assertThat(execution(harness, stopped).getStatus()).isEqualTo(BatchStatus.STOPPED);
            assertThat(finished.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(execution(harness, finished).getJobInstance().getInstanceId())
                    .isEqualTo(execution(harness, stopped).getJobInstance().getInstanceId());
            assertThat(harness.transfer(finished.runId(), "slow.bin").resumedFrom()).isPositive();
            assertThat(dir.resolve("target/slow.bin")).hasSize(3 << 20);
        }
    }

    @Test
    void jobsStepsAndItemsReportSpringBatchsObservationsToTheGlobalRegistry() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.writeString(served.resolve("a.txt"), "a");
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Metrics.addRegistry(meters);
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("observed", server, "download", "pub", dir.resolve("target")));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(meters.find("spring.batch.job").tag("spring.batch.job.name", "observed").timer()).isNotNull();
            assertThat(meters.find("spring.batch.step").tag("spring.batch.step.name", "transfer").timer()).isNotNull();
            assertThat(meters.find("spring.batch.item.process").tag("spring.batch.item.process.job.name", "observed")
                    .timer()).isNotNull();
        } finally {
            Metrics.removeRegistry(meters);
        }
    }

    private static org.springframework.batch.core.explore.JobExplorer explorer(MirrorHarness harness) {
        return new BatchInfrastructure(harness.database().dataSource()).explorer();
    }

    private static JobExecution execution(MirrorHarness harness, RunRecord run) {
        Long id = harness.database().jdbc().sql("SELECT batch_execution_id FROM fs_run WHERE run_id = :id")
                .param("id", run.runId()).query(Long.class).single();
        return explorer(harness).getJobExecution(id);
    }

    private static StepExecution step(MirrorHarness harness, RunRecord run, String name) {
        return execution(harness, run).getStepExecutions().stream().filter(step -> step.getStepName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no step " + name));
    }

    /** The execution id of the run under way, once its job has started. */
    private static long awaitExecution(MirrorHarness harness) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> harness.database().jdbc().sql("SELECT batch_execution_id FROM fs_run "
                                + "WHERE batch_execution_id IS NOT NULL AND status = 'RUNNING'")
                        .query(Long.class).optional().orElse(null), Objects::nonNull);
    }

    private static void awaitPartial(Path partial) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(partial) && Files.size(partial) > 0);
    }
}
