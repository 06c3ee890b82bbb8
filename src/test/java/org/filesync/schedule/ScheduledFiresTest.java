package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.CronExpression;

/** {@code serve} as a process on an H2 file: cron fires, overlapping fires, misfires across a restart. */
class ScheduledFiresTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private String databaseUrl() {
        return "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE";
    }

    private Map<String, String> environment() {
        return Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD, "FILESYNC_DB_URL", databaseUrl());
    }

    private ServeProcess serve(String node) throws Exception {
        return ServeProcess.start(dir.resolve(node), environment(), dir.resolve("jobs"), "--node", node);
    }

    /** A CLI command in a working folder of its own, beside the serving node. */
    private FilesyncProcess.Result command(String... arguments) throws Exception {
        FilesyncProcess cli = new FilesyncProcess(Files.createDirectories(dir.resolve("cli")), environment());
        List<String> all = new java.util.ArrayList<>(List.of("--jobs", dir.resolve("jobs").toString()));
        all.addAll(List.of(arguments));
        return cli.run(all.toArray(String[]::new));
    }

    @Test
    void everyTwoSecondsCronFiresRepeatedlyAndEachFireIsAScheduledRun() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/hello.txt"), "hello");
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "tick", server.port(), "pub",
                    "schedule: \"*/2 * * * * ?\"", "timezone: UTC");
            JobFiles.ftpJob(dir.resolve("jobs"), "by-hand", server.port(), "pub");
            try (ServeProcess serve = serve("node-a"); HistoryReader history = new HistoryReader(databaseUrl(), Map.of())) {
                assertThat(serve.scheduledAtStart()).isEqualTo(1);
                await().atMost(PATIENCE).until(() -> history.realRuns("tick").stream()
                        .filter(run -> run.status() != RunStatus.RUNNING).count() >= 3);

                FilesyncProcess.Result runs = command("history", "tick", "--json");
                FilesyncProcess.Result jobs = command("jobs", "--json");
                assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();

                assertThat(runs.exitCode()).as(runs.stderr()).isZero();
                assertThat(new ObjectMapper().readTree(runs.stdout()).size()).isGreaterThanOrEqualTo(3);
                assertThat(jobs.exitCode()).as(jobs.stderr()).isZero();
                JsonNode tick = new ObjectMapper().readTree(jobs.stdout()).get(1);
                assertThat(tick.get("name").asText()).isEqualTo("tick");
                assertThat(Instant.parse(tick.get("nextFireTime").asText()).getEpochSecond() % 2).isZero();
                assertThat(tick.get("running").isBoolean()).isTrue();
                assertThat(history.runs("by-hand")).isEmpty();

                List<RunRecord> fired = history.realRuns("tick");
                assertThat(fired).allSatisfy(run -> {
                    assertThat(run.trigger()).isEqualTo("schedule");
                    assertThat(run.node()).isEqualTo("node-a");
                    assertThat(run.fireTime().toEpochMilli() % 2000).isZero();
                    assertThat(run.status()).isIn(RunStatus.COMPLETED, RunStatus.STOPPED);
                });
                assertThat(fired.stream().map(RunRecord::fireTime).distinct()).hasSameSizeAs(fired);
                assertThat(Files.readString(dir.resolve("mirror/tick/hello.txt"))).isEqualTo("hello");
                assertThat(serve.stderr()).contains("job tick fired (scheduled ", "ended COMPLETED");
            }
        }
    }

    @Test
    void aRunningJobIsStartedNeitherByItsNextFireNorByRun() throws Exception {
        Files.createDirectories(dir.resolve("served/slow"));
        // 20 s at 2 MB/s: time for two commands to start beside it on a busy machine
        Files.write(dir.resolve("served/slow/big.bin"), new byte[40 << 20]);
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow",
                    "schedule: \"*/2 * * * * ?\"", "bandwidthLimit: 2MB");
            try (ServeProcess serve = serve("node-a"); HistoryReader history = new HistoryReader(databaseUrl(), Map.of())) {
                await().atMost(PATIENCE).until(() -> {
                    List<RunRecord> runs = history.runs("slow");
                    return !runs.isEmpty() && runs.get(0).status() == RunStatus.RUNNING
                            && runs.stream().anyMatch(run -> run.status() == RunStatus.SKIPPED);
                });
                RunRecord first = history.runs("slow").get(0);

                FilesyncProcess.Result manual = command("run", "slow");
                FilesyncProcess.Result jobs = command("jobs", "--json");

                assertThat(manual.exitCode()).isEqualTo(1);
                JsonNode slow = new ObjectMapper().readTree(jobs.stdout()).get(0);
                assertThat(slow.get("running").asBoolean()).as(jobs.all()).isTrue();
                assertThat(slow.get("lastRun").get("status").asText()).isIn("RUNNING", "SKIPPED");
                assertThat(manual.stderr()).contains("job slow is already running as run " + first.runId());
                assertThat(serve.terminate(Duration.ofSeconds(30))).isZero();
                List<RunRecord> runs = history.runs("slow");
                assertThat(history.realRuns("slow")).extracting(RunRecord::runId).containsExactly(first.runId());
                List<RunRecord> skipped = runs.stream().filter(run -> run.status() == RunStatus.SKIPPED).toList();
                assertThat(skipped).isNotEmpty().allSatisfy(run -> {
                    assertThat(run.trigger()).isEqualTo("schedule");
                    assertThat(run.fireTime()).isAfter(first.fireTime());
                    assertThat(run.error()).contains("already running as run " + first.runId());
                });
                assertThat(serve.stderr()).contains("job slow fire of " + skipped.get(0).fireTime() + " skipped");
            }
        }
    }

    @Test
    void aFireMissedWhileServeWasDownRunsOnceAtStartUpUnlessMisfireIsSkip() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/hello.txt"), "hello");
        String everyTenSeconds = "schedule: \"0/10 * * * * ?\"";
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "catch-up", server.port(), "pub", everyTenSeconds, "misfire: run");
            JobFiles.ftpJob(dir.resolve("jobs"), "let-go", server.port(), "pub", everyTenSeconds, "misfire: skip");
            try (ServeProcess first = serve("node-a")) {
                assertThat(first.terminate(Duration.ofSeconds(30))).isZero();
            }
            Instant down = Instant.now();
            Instant missed = nextTime("0/10 * * * * ?", down);
            // Past the misfire threshold (10 s), not merely late.
            Thread.sleep(Duration.between(Instant.now(), missed.plusSeconds(11)).toMillis());

            Instant restart = Instant.now();
            try (ServeProcess second = serve("node-b"); HistoryReader history = new HistoryReader(databaseUrl(), Map.of())) {
                await().atMost(PATIENCE).until(() -> history.realRuns("catch-up").stream()
                        .anyMatch(run -> run.status() == RunStatus.COMPLETED && run.node().equals("node-b")));
                assertThat(second.terminate(Duration.ofSeconds(30))).isZero();

                List<RunRecord> caughtUp = history.realRuns("catch-up").stream()
                        .filter(run -> run.node().equals("node-b") && run.fireTime().isBefore(restart)).toList();
                assertThat(caughtUp).hasSize(1);
                assertThat(caughtUp.get(0).fireTime()).isAfterOrEqualTo(missed);
                assertThat(caughtUp.get(0).fireTime().toEpochMilli() % 10_000).isZero();
                assertThat(history.runs("let-go").stream()
                        .filter(run -> run.node().equals("node-b") && run.fireTime().isBefore(restart))).isEmpty();
            }
        }
    }

    private static Instant nextTime(String cron, Instant after) throws ParseException {
        CronExpression expression = new CronExpression(cron);
        expression.setTimeZone(TimeZone.getDefault());
        return expression.getNextValidTimeAfter(Date.from(after)).toInstant();
    }
}
