package org.filesync.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.PrometheusScrape;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} as a process: its runs against a real FTP server, scraped from {@code /actuator/prometheus}. */
class ServeMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String EVERY_TWO_SECONDS = "schedule: \"*/2 * * * * ?\"";
    private static final String NEVER_AGAIN = "schedule: \"0 0 3 1 1 ? 2099\"";
    /** Nothing listens on port 1 of this host: every run of a job there fails at once. */
    private static final int CLOSED_PORT = 1;

    @TempDir
    Path dir;

    private ApacheFtpServer server;

    @BeforeEach
    void serveTwoFiles() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/a.txt"), "alpha");
        Files.writeString(dir.resolve("served/pub/b.txt"), "bravo bravo");
        server = ApacheFtpServer.start(dir.resolve("served"));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
    }

    private Map<String, String> environment() {
        return Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "FILESYNC_DB_URL", databaseUrl());
    }

    private ServeProcess serve(String node) throws Exception {
        return ServeProcess.start(dir.resolve(node), environment(), dir.resolve("jobs"), "--node", node, "--port", "0");
    }

    private static PrometheusScrape scrape(ServeProcess serve) throws Exception {
        return PrometheusScrape.of(serve.web().resolve("/actuator/prometheus"));
    }

    private static double sum(List<RunRecord> runs, ToLongFunction<RunRecord> counter) {
        return runs.stream().mapToLong(counter).sum();
    }

    @Test
    void countsTheRunsFilesAndBytesServeRanAsTheHistoryRecordsThem() throws Exception {
        JobFiles.ftpJob(dir.resolve("jobs"), "mirrored", server.port(), "pub", EVERY_TWO_SECONDS);
        JobFiles.ftpJob(dir.resolve("jobs"), "broken", CLOSED_PORT, "pub", EVERY_TWO_SECONDS);
        try (ServeProcess serve = serve("node-a"); HistoryReader history = new HistoryReader(databaseUrl(), Map.of())) {
            await().atMost(PATIENCE).until(() -> history.realRuns("mirrored").stream().filter(run -> run.finishedAt() != null).count() >= 2
                    && history.realRuns("broken").stream().filter(run -> run.finishedAt() != null).count() >= 2);
            JobFiles.ftpJob(dir.resolve("jobs"), "mirrored", server.port(), "pub", NEVER_AGAIN);
            JobFiles.ftpJob(dir.resolve("jobs"), "broken", CLOSED_PORT, "pub", NEVER_AGAIN);
            await().atMost(PATIENCE).until(() -> serve.stderr().contains("jobs folder reloaded")
                    && history.runs("mirrored").stream().noneMatch(run -> run.status() == RunStatus.RUNNING)
                    && history.runs("broken").stream().noneMatch(run -> run.status() == RunStatus.RUNNING));

            List<RunRecord> mirrored = history.runs("mirrored");
            List<RunRecord> broken = history.runs("broken");
            // on a busy machine the web side's start can outlast these runs: wait for it with its own patience
            serve.web();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                PrometheusScrape metrics = scrape(serve);
                for (List<RunRecord> runs : List.of(mirrored, broken)) {
                    Map<RunStatus, Long> byStatus = runs.stream().collect(Collectors.groupingBy(RunRecord::status, Collectors.counting()));
                    byStatus.forEach((status, count) -> {
                        Map<String, String> labels = Map.of("job", runs.get(0).job(), "status", status.name());
                        assertThat(metrics.value("filesync_runs_total", labels)).as("runs %s", labels).contains(count.doubleValue());
                        if (status != RunStatus.SKIPPED) {
                            assertThat(metrics.value("filesync_run_duration_seconds_count", labels)).as("durations %s", labels)
                                    .contains(count.doubleValue());
                        }
                    });
                }
                assertThat(metrics.value("filesync_files_total", Map.of("job", "mirrored", "outcome", "transferred")))
                        .contains(sum(mirrored, RunRecord::filesTransferred)).contains(2.0);
                assertThat(metrics.value("filesync_files_total", Map.of("job", "mirrored", "outcome", "skipped")))
                        .contains(sum(mirrored, RunRecord::filesSkipped));
                assertThat(metrics.value("filesync_files_total", Map.of("job", "mirrored", "outcome", "failed"))).contains(0.0);
                assertThat(metrics.value("filesync_files_total", Map.of("job", "mirrored", "outcome", "deleted"))).contains(0.0);
                assertThat(metrics.value("filesync_bytes_total", Map.of("job", "mirrored", "direction", "download")))
                        .contains(16.0);
                double lastSuccess = mirrored.stream().filter(run -> run.status() == RunStatus.COMPLETED)
                        .mapToLong(run -> run.finishedAt().toEpochMilli()).max().orElseThrow() / 1000.0;
                assertThat(metrics.value("filesync_job_last_success_timestamp_seconds", Map.of("job", "mirrored")))
                        .hasValueSatisfying(value -> assertThat(value).isCloseTo(lastSuccess, within(0.001)));
                assertThat(metrics.value("filesync_job_last_success_timestamp_seconds", Map.of("job", "broken"))).isEmpty();
                assertThat(metrics.value("filesync_job_running", Map.of("job", "mirrored"))).contains(0.0);
                assertThat(metrics.value("filesync_job_running", Map.of("job", "broken"))).contains(0.0);
            });
            assertThat(broken).extracting(RunRecord::status).contains(RunStatus.FAILED);
            assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void aRestartedServeTakesEachJobsLastSuccessFromTheHistory() throws Exception {
        JobFiles.ftpJob(dir.resolve("jobs"), "mirrored", server.port(), "pub", NEVER_AGAIN);
        JobFiles.ftpJob(dir.resolve("jobs"), "broken", CLOSED_PORT, "pub", NEVER_AGAIN);
        FilesyncProcess cli = new FilesyncProcess(Files.createDirectories(dir.resolve("cli")), environment());
        FilesyncProcess.Result succeeded = cli.run("--jobs", dir.resolve("jobs").toString(), "run", "mirrored");
        FilesyncProcess.Result failed = cli.run("--jobs", dir.resolve("jobs").toString(), "run", "broken");
        assertThat(succeeded.exitCode()).as(succeeded.all()).isZero();
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);

        try (ServeProcess serve = serve("node-a"); HistoryReader history = new HistoryReader(databaseUrl(), Map.of())) {
            PrometheusScrape metrics = scrape(serve);

            double lastSuccess = history.runs("mirrored").get(0).finishedAt().toEpochMilli() / 1000.0;
            assertThat(metrics.value("filesync_job_last_success_timestamp_seconds", Map.of("job", "mirrored")))
                    .hasValueSatisfying(value -> assertThat(value).isCloseTo(lastSuccess, within(0.001)));
            assertThat(metrics.value("filesync_job_last_success_timestamp_seconds", Map.of("job", "broken"))).isEmpty();
            assertThat(metrics.value("filesync_runs_total", Map.of("job", "mirrored"))).isEmpty();
            assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void countsEachScheduledFireOfAJobAndExportsTheSchedulersState() throws Exception {
        JobFiles.ftpJob(dir.resolve("jobs"), "mirrored", server.port(), "pub", EVERY_TWO_SECONDS);
        try (ServeProcess serve = serve("node-a"); HistoryReader history = new HistoryReader(databaseUrl(), Map.of())) {
            await().atMost(PATIENCE).until(() -> history.realRuns("mirrored").stream().filter(run -> run.finishedAt() != null).count() >= 2);
            JobFiles.ftpJob(dir.resolve("jobs"), "mirrored", server.port(), "pub", NEVER_AGAIN);
            await().atMost(PATIENCE).until(() -> serve.stderr().contains("jobs folder reloaded"));
            URI prometheus = serve.web().resolve("/actuator/prometheus");

            // Every fire is a run in the history, SKIPPED when it found the job still running.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<RunRecord> fired = history.runs("mirrored");
                assertThat(fired).noneMatch(run -> run.status() == RunStatus.RUNNING);
                PrometheusScrape metrics = PrometheusScrape.of(prometheus);
                assertThat(metrics.value("quartz_jobs_fired_total", Map.of("job", "mirrored")))
                        .contains((double) fired.size());
                assertThat(metrics.value("quartz_jobs_executing", Map.of())).contains(0.0);
            });
            PrometheusScrape metrics = PrometheusScrape.of(prometheus);
            assertThat(metrics.value("quartz_scheduler_state", Map.of("state", "started"))).contains(1.0);
            assertThat(metrics.value("quartz_scheduler_state", Map.of("state", "standby"))).contains(0.0);
            assertThat(metrics.value("quartz_scheduler_state", Map.of("state", "shutdown"))).contains(0.0);
            assertThat(metrics.value("quartz_triggers_misfired_total", Map.of("job", "mirrored"))).isEmpty();
            assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void countsAFireMissedWhileServeWasDownAsAMisfire() throws Exception {
        String everyTenSeconds = "schedule: \"0/10 * * * * ?\"";
        JobFiles.ftpJob(dir.resolve("jobs"), "mirrored", server.port(), "pub", everyTenSeconds, "misfire: skip");
        try (ServeProcess first = serve("node-a")) {
            assertThat(first.terminate(Duration.ofSeconds(30))).isZero();
        }
        // Past the next fire time by more than the misfire threshold (10 s), not merely late.
        Thread.sleep(Duration.ofSeconds(21).toMillis());

        try (ServeProcess second = serve("node-b")) {
            URI prometheus = second.web().resolve("/actuator/prometheus");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusScrape.of(prometheus)
                    .value("quartz_triggers_misfired_total", Map.of("job", "mirrored"))).contains(1.0));
            assertThat(second.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void exportsSpringBatchAndJvmMetersBesideFilesyncs() throws Exception {
        JobFiles.ftpJob(dir.resolve("jobs"), "mirrored", server.port(), "pub", EVERY_TWO_SECONDS);
        try (ServeProcess serve = serve("node-a"); HistoryReader history = new HistoryReader(databaseUrl(), Map.of())) {
            await().atMost(PATIENCE).until(() -> history.realRuns("mirrored").stream().anyMatch(run -> run.finishedAt() != null));
            URI prometheus = serve.web().resolve("/actuator/prometheus");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusScrape.of(prometheus).samples())
                    .extracting(PrometheusScrape.Sample::name)
                    .contains("spring_batch_job_seconds_count", "spring_batch_step_seconds_count", "jvm_memory_used_bytes",
                            "filesync_runs_total"));
            assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
        }
    }
}
