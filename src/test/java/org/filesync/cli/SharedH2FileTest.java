package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.ServeProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file named by {@code --db} (no settings in the URL) is shared by every process, whoever
 * opens it first: short-lived commands that hold H2's server role and exit under {@code serve}
 * leave it running, and processes that open a new file at the same moment migrate it once.
 */
class SharedH2FileTest {

    @TempDir
    Path dir;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("var/filesync");
    }

    @Test
    void serveKeepsFiringWhileHistoryPollersOpenTheNewFileBeforeBesideAndExitUnderIt() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/hello.txt"), "hello");
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "tick", server.port(), "pub", "schedule: \"*/2 * * * * ?\"");
            Map<String, String> environment = Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD);
            List<Poller> pollers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                pollers.add(Poller.start(dir.resolve("poller" + i), environment, url(), 3));
            }
            try (ServeProcess serve = ServeProcess.start(dir.resolve("serve"), environment, dir.resolve("jobs"),
                    "--db", url(), "--port", "0")) {
                for (Poller poller : pollers) {
                    poller.awaitEnd();
                }
                try (HistoryReader history = new HistoryReader(url(), Map.of())) {
                    await().atMost(Duration.ofSeconds(30)).until(() -> history.realRuns("tick").stream()
                            .anyMatch(run -> run.status().name().equals("COMPLETED")));
                }
                FilesyncProcess.Result shown = new FilesyncProcess(dir, environment).run("--db", url(), "history", "--json");
                assertThat(shown.exitCode()).as(shown.all()).isZero();
                JsonNode runs = JsonOutput.mapper().readTree(shown.stdout());
                assertThat(runs).anySatisfy(run -> {
                    assertThat(run.get("trigger").asText()).isEqualTo("schedule");
                    assertThat(run.get("status").asText()).isEqualTo("COMPLETED");
                });
                assertThat(serve.isAlive()).as(serve.stderr()).isTrue();
                assertThat(serve.stderr()).doesNotContain("Connection is broken", "Exception");
            }
        }
    }

    @Test
    void threeProcessesOpeningANewFileAtOnceAllSucceedAndEachMigrationIsAppliedOnce() throws Exception {
        List<Poller> starts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            starts.add(Poller.start(dir.resolve("process" + i), Map.of(), url(), 1));
        }
        for (Poller start : starts) {
            start.awaitEnd();
        }
        try (HistoryReader history = new HistoryReader(url(), Map.of())) {
            List<Map<String, Object>> applied = history.jdbc()
                    .sql("SELECT \"version\", COUNT(*) AS times FROM \"flyway_schema_history\" "
                            + "WHERE \"version\" IS NOT NULL GROUP BY \"version\"").query().listOfRows();
            assertThat(applied).isNotEmpty().allSatisfy(row -> assertThat(((Number) row.get("TIMES")).intValue())
                    .as("migration %s applied", row.get("version")).isEqualTo(1));
        }
    }

    /** {@code history --json} run {@code times} times in a row, as a monitoring script would, in a process of its own each time. */
    private record Poller(Thread thread, List<FilesyncProcess.Result> results) {

        static Poller start(Path folder, Map<String, String> environment, String url, int times) throws Exception {
            Files.createDirectories(folder);
            List<FilesyncProcess.Result> results = new ArrayList<>();
            FilesyncProcess filesync = new FilesyncProcess(folder, environment);
            Thread thread = new Thread(() -> {
                for (int i = 0; i < times; i++) {
                    try {
                        results.add(filesync.run("--db", url, "history", "--json"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            thread.start();
            return new Poller(thread, results);
        }

        void awaitEnd() throws InterruptedException {
            thread.join(TimeUnit.SECONDS.toMillis(120));
            assertThat(thread.isAlive()).isFalse();
            assertThat(results).allSatisfy(result -> {
                assertThat(result.exitCode()).as(result.all()).isZero();
                assertThat(JsonOutput.mapper().readTree(result.stdout()).isArray()).isTrue();
            });
        }
    }
}
