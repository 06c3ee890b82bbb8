package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.filesync.history.Database;
import org.filesync.history.DatabaseSettings;
import org.filesync.history.RunStatus;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.PastRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prune as an operator runs it, beside history and show on the same database. */
class PruneCommandTest {

    @TempDir
    Path dir;

    private long old;
    private long lastCompleted;
    private long recent;

    private String url() {
        return "jdbc:h2:file:" + dir.resolve("data/filesync");
    }

    private FilesyncProcess filesync() {
        return new FilesyncProcess(dir, Map.of("FILESYNC_DB_URL", url()));
    }

    @BeforeEach
    void runsOfHalfAYear() throws Exception {
        try (Database database = Database.open(DatabaseSettings.resolve(url(), Map.of()), 2)) {
            PastRuns past = new PastRuns(database, Instant.now().truncatedTo(ChronoUnit.SECONDS));
            old = past.finished("nightly", 180, RunStatus.COMPLETED, 3);
            lastCompleted = past.finished("nightly", 120, RunStatus.COMPLETED, 2);
            past.finished("nightly", 100, RunStatus.FAILED, 1);
            past.finished("nightly", 95, RunStatus.FAILED, 1);
            recent = past.finished("nightly", 10, RunStatus.FAILED, 1);
        }
    }

    @Test
    void dryRunPrintsWhatWouldGoAndDeletesNothing() throws Exception {
        FilesyncProcess.Result dryRun = filesync().run("prune", "--older-than", "90d", "--dry-run");

        assertThat(dryRun.exitCode()).as(dryRun.all()).isZero();
        assertThat(dryRun.stdout()).startsWith("would prune 2 run(s) started before ")
                .contains("with 4 file row(s) and 2 Spring Batch execution(s)").containsPattern("nightly +2 +4");
        JsonNode history = JsonOutput.mapper().readTree(filesync().run("history", "--json").stdout());
        assertThat(history).hasSize(5);
    }

    @Test
    void pruneDeletesOldRunsAndHistoryAndShowWorkAfterIt() throws Exception {
        FilesyncProcess.Result prune = filesync().run("prune", "--older-than", "90d", "--json");

        assertThat(prune.exitCode()).as(prune.all()).isZero();
        JsonNode report = JsonOutput.mapper().readTree(prune.stdout());
        assertThat(report.get("runs").asInt()).isEqualTo(2);
        assertThat(report.get("transfers").asInt()).isEqualTo(4);
        assertThat(report.get("dryRun").asBoolean()).isFalse();
        assertThat(report.get("jobs").get(0).get("job").asText()).isEqualTo("nightly");
        FilesyncProcess.Result history = filesync().run("history", "nightly", "--json");
        assertThat(history.exitCode()).as(history.all()).isZero();
        assertThat(JsonOutput.mapper().readTree(history.stdout()).findValuesAsText("runId"))
                .containsExactly(String.valueOf(recent), String.valueOf(recent - 1), String.valueOf(lastCompleted));
        FilesyncProcess.Result show = filesync().run("show", String.valueOf(lastCompleted));
        assertThat(show.exitCode()).as(show.all()).isZero();
        assertThat(show.stdout()).contains("run " + lastCompleted + " of nightly: COMPLETED", "pub/f1");
        assertThat(filesync().run("show", String.valueOf(old)).exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(filesync().run("prune", "--older-than", "90d").stdout()).startsWith("nothing to prune");
    }

    @Test
    void anAgeThatIsNoDurationIsAUsageError() throws Exception {
        FilesyncProcess.Result prune = filesync().run("prune", "--older-than", "three months");

        assertThat(prune.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(prune.stderr()).contains("--older-than: not a duration: 'three months'");
    }
}
