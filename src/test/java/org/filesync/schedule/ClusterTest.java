package org.filesync.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code serve} processes on one real PostgreSQL form a Quartz cluster: each fire runs on
 * exactly one node, and a fire whose node is killed mid-run is recovered by the other, which
 * resumes the run.
 */
class ClusterTest {

    private static final AtomicInteger databases = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @TempDir
    Path dir;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static String freshDatabase() throws Exception {
        String name = "cluster" + databases.incrementAndGet();
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    private ServeProcess node(String name, String url) throws Exception {
        return ServeProcess.start(dir.resolve(name), Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                "FILESYNC_DB_URL", url), dir.resolve("jobs"), "--node", name);
    }

    @Test
    void overManyFiresEachFireRunsOnExactlyOneNode() throws Exception {
        String url = freshDatabase();
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/hello.txt"), "hello");
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "tick", server.port(), "pub", "schedule: \"*/2 * * * * ?\"");
            try (ServeProcess a = node("node-a", url); ServeProcess b = node("node-b", url);
                 HistoryReader history = new HistoryReader(url, Map.of())) {
                await().atMost(Duration.ofSeconds(90)).until(() -> finished(history).size() >= 5);
                // Quartz's ACQUIRED state keeps a trigger on the node that took it, so one node
                // tends to take every fire: stop that one, and the other carries on alone.
                String busy = finished(history).get(0).node();
                ServeProcess leaving = busy.equals("node-a") ? a : b;
                String other = leaving == a ? "node-b" : "node-a";
                assertThat(leaving.terminate(Duration.ofSeconds(30))).isZero();
                await().atMost(Duration.ofSeconds(90)).until(() -> finished(history).stream()
                        .filter(run -> run.node().equals(other)).count() >= 3);
                assertThat((leaving == a ? b : a).terminate(Duration.ofSeconds(30))).isZero();

                List<RunRecord> fires = history.runs("tick");
                Map<Instant, List<RunRecord>> byFireTime = fires.stream()
                        .filter(run -> run.status() != RunStatus.SKIPPED)
                        .collect(Collectors.groupingBy(RunRecord::fireTime, TreeMap::new, Collectors.toList()));
                assertThat(byFireTime).hasSizeGreaterThanOrEqualTo(8);
                assertThat(byFireTime.values()).allSatisfy(runs -> assertThat(runs).hasSize(1));
                assertThat(fires).allSatisfy(run -> {
                    assertThat(run.trigger()).isEqualTo("schedule");
                    assertThat(run.node()).isIn("node-a", "node-b");
                });
                System.out.println("fires per node: " + fires.stream().filter(run -> run.status() != RunStatus.SKIPPED)
                        .collect(Collectors.groupingBy(RunRecord::node, TreeMap::new, Collectors.counting())));
            }
        }
    }

    private static List<RunRecord> finished(HistoryReader history) {
        return history.realRuns("tick").stream().filter(run -> run.status() != RunStatus.RUNNING).toList();
    }

    @Test
    void aNodeKilledMidRunHasItsFireRecoveredAndTheRunResumedByTheOther() throws Exception {
        String url = freshDatabase();
        int size = 16 << 20;
        byte[] content = new byte[size];
        new Random(7).nextBytes(content);
        Files.createDirectories(dir.resolve("served/big"));
        Files.write(dir.resolve("served/big/large.bin"), content);
        Path partial = dir.resolve("mirror/big/.large.bin.filesync-part");
        Files.createDirectories(dir.resolve("jobs"));
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             ServeProcess a = node("node-a", url); ServeProcess b = node("node-b", url);
             HistoryReader history = new HistoryReader(url, Map.of())) {
            // One fire only, a few seconds ahead: after the kill, nothing but the recovery of
            // that fire can start the job again.
            ZonedDateTime fireAt = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
            String once = String.format("schedule: \"%d %d %d %d %d ? %d\"", fireAt.getSecond(), fireAt.getMinute(),
                    fireAt.getHour(), fireAt.getDayOfMonth(), fireAt.getMonthValue(), fireAt.getYear());
            JobFiles.ftpJob(dir.resolve("jobs"), "big", server.port(), "big", once, "timezone: UTC",
                    "bandwidthLimit: 2MB");

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(partial) && Files.size(partial) >= 4 << 20);
            RunRecord killed = history.runs("big").get(0);
            ServeProcess victim = killed.node().equals("node-a") ? a : b;
            ServeProcess survivor = victim == a ? b : a;
            long started = System.nanoTime();
            Instant killedAt = Instant.now();
            victim.kill();

            await().atMost(Duration.ofSeconds(90)).until(() -> history.realRuns("big").stream()
                    .anyMatch(run -> run.status() == RunStatus.COMPLETED));
            long recoveredAfter = (System.nanoTime() - started) / 1_000_000;
            assertThat(survivor.terminate(Duration.ofSeconds(30))).isZero();

            List<RunRecord> runs = history.realRuns("big");
            assertThat(runs).hasSize(2);
            assertThat(runs.get(0).status()).isEqualTo(RunStatus.FAILED);
            assertThat(runs.get(0).error()).contains("interrupted");
            RunRecord resumed = runs.get(1);
            assertThat(resumed.node()).isNotEqualTo(killed.node());
            assertThat(resumed.trigger()).isEqualTo("schedule");
            assertThat(resumed.fireTime()).isEqualTo(fireAt.toInstant()).isEqualTo(killed.fireTime());
            assertThat(resumed.resumes()).isEqualTo(killed.runId());
            TransferRecord file = history.transfers(resumed.runId()).get(0);
            assertThat(file.status()).isEqualTo(TransferStatus.DONE);
            assertThat(file.resumedFrom()).isGreaterThanOrEqualTo(4 << 20);
            assertThat(file.resumedFrom() + file.bytesTransferred()).isEqualTo(size);
            assertThat(Files.readAllBytes(dir.resolve("mirror/big/large.bin"))).isEqualTo(content);
            assertThat(survivor.stderr()).contains("job big fired (scheduled " + fireAt.toInstant() + ", recovering");
            System.out.println("killed " + killed.node() + " at " + file.resumedFrom() + " bytes; " + resumed.node()
                    + " started the recovered run " + Duration.between(killedAt, resumed.startedAt()).toMillis()
                    + " ms after the kill and completed it " + recoveredAfter + " ms after the kill");
        }
    }
}
