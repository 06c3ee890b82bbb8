package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.filesync.history.ActionLog;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and jobs, run as a separate process the way an operator runs them. */
class ValidateAndJobsCommandTest {

    private static final String PASSWORD = "pw-9f8e7d6c";

    @TempDir
    Path dir;

    private FilesyncProcess filesync() {
        return new FilesyncProcess(dir, Map.of("PARTNER_PASSWORD", PASSWORD,
                "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));
    }

    private void writeValidJobs() {
        JobFiles.write(dir.resolve("jobs"), "nightly.yaml",
                "schedule: \"0 30 2 * * ?\"", "timezone: UTC",
                "remote:", "  url: ftp://partner@ftp.example.org/pub", "  password: ${PARTNER_PASSWORD}",
                "local:", "  path: ../mirror");
        JobFiles.write(dir.resolve("jobs"), "manual.yaml", "direction: upload",
                "remote:", "  url: ftp://h/in", "local:", "  path: out");
    }

    @Test
    void validateExitsZeroOnValidJobs() throws Exception {
        writeValidJobs();

        FilesyncProcess.Result result = filesync().run("validate");

        assertThat(result.exitCode()).isZero();
        assertThat(result.stdout()).contains("2 job(s) valid");
    }

    @Test
    void validateExitsTwoWithFileLineMessages() throws Exception {
        writeValidJobs();
        JobFiles.write(dir.resolve("jobs"), "broken.yaml", "remote:", "  url: ftp://h/", "local:", "  path: x",
                "parallel: -1", "timezone: Nowhere/Land");

        FilesyncProcess.Result result = filesync().run("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).containsExactly(
                "jobs/broken.yaml:5: parallel: must be at least 1, not -1",
                "jobs/broken.yaml:6: timezone: unknown time zone 'Nowhere/Land' (examples: UTC, Europe/Berlin, America/New_York)");
    }

    @Test
    void validateAlsoChecksTheSettingsFileBesideTheJobsFolder() throws Exception {
        writeValidJobs();
        JobFiles.write(dir, "filesync.yaml", "notify:", "  on: [failure]", "  remindEvry: 1h", "retention: 2h");

        FilesyncProcess.Result result = filesync().run("validate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr().lines()).containsExactly(
                "filesync.yaml:3: unknown key 'notify.remindEvry' (did you mean 'remindEvery'?)",
                "filesync.yaml:4: retention: '2h' is not a duration of a day or more (90d, 2160h)");
    }

    @Test
    void validateNamesTheSettingsFileItChecked() throws Exception {
        writeValidJobs();
        JobFiles.write(dir, "filesync.yaml", "notify:", "  on: [failure]");

        FilesyncProcess.Result result = filesync().run("validate");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("2 job(s) valid in jobs; settings: filesync.yaml");
    }

    @Test
    void runRefusesToStartWithABrokenSettingsFileNamedByConfig() throws Exception {
        writeValidJobs();
        JobFiles.write(dir, "settings.yaml", "mail:", "  host: smtp.example.org", "  port: 99999", "  from: a@example.org");

        FilesyncProcess.Result result = filesync().run("--config", "settings.yaml", "run", "manual");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("settings.yaml:3: mail.port: must be a port number (1-65535), not 99999");
        assertThat(filesync().run("--config", "settings.yaml", "validate").exitCode()).isEqualTo(2);
    }

    @Test
    void jobsJsonListsJobsWithNextFireTimesAndNoPassword() throws Exception {
        writeValidJobs();

        FilesyncProcess.Result result = filesync().run("jobs", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode jobs = JsonOutput.mapper().readTree(result.stdout());
        assertThat(jobs).hasSize(2);
        JsonNode nightly = jobs.get(1);
        assertThat(nightly.get("name").asText()).isEqualTo("nightly");
        assertThat(nightly.get("remote").asText()).isEqualTo("ftp://partner@ftp.example.org:21/pub");
        assertThat(nightly.get("schedule").asText()).isEqualTo("0 30 2 * * ?");
        assertThat(nightly.get("timezone").asText()).isEqualTo("UTC");
        Instant next = Instant.parse(nightly.get("nextFireTime").asText());
        assertThat(next).isAfter(Instant.now());
        assertThat(next.toString()).endsWith("T02:30:00Z");
        assertThat(nightly.get("lastRun").isNull()).isTrue();
        assertThat(jobs.get(0).get("nextFireTime").isNull()).isTrue();
        assertThat(jobs.findValuesAsText("name")).containsExactly("manual", "nightly");
    }

    @Test
    void pauseAndResumeWithoutServeChangeWhatJobsShowsAndAreRecordedWithTheCliUser() throws Exception {
        writeValidJobs();

        FilesyncProcess.Result paused = filesync().run("pause", "nightly");
        FilesyncProcess.Result whilePaused = filesync().run("jobs", "--json");
        FilesyncProcess.Result text = filesync().run("jobs");
        FilesyncProcess.Result resumed = filesync().run("resume", "nightly");
        FilesyncProcess.Result afterwards = filesync().run("jobs", "--json");

        assertThat(paused.exitCode()).as(paused.all()).isZero();
        assertThat(paused.stdout()).isEqualTo("job nightly paused\n");
        JsonNode nightly = JsonOutput.mapper().readTree(whilePaused.stdout()).get(1);
        assertThat(nightly.get("paused").asBoolean()).isTrue();
        assertThat(nightly.get("nextFireTime").isNull()).isTrue();
        assertThat(text.stdout()).containsPattern("nightly +download +0 30 2 \\* \\* \\? +UTC +- +never +no +yes ");
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        JsonNode again = JsonOutput.mapper().readTree(afterwards.stdout());
        assertThat(again.get(1).get("paused").asBoolean()).isFalse();
        assertThat(again.get(1).get("nextFireTime").asText()).endsWith("T02:30:00Z");
        assertThat(again.get(0).get("paused").asBoolean()).isFalse();
        try (HistoryReader history = new HistoryReader("jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE",
                Map.of())) {
            assertThat(new ActionLog(history.jdbc()).ofJob("nightly", 10))
                    .extracting(action -> action.action().label() + " " + action.actor())
                    .containsExactly("resume cli:" + System.getProperty("user.name"), "pause cli:" + System.getProperty("user.name"));
        }
    }

    @Test
    void pauseOfAnUnknownJobOrOneWithoutScheduleIsAUsageErrorOnOneLine() throws Exception {
        writeValidJobs();

        FilesyncProcess.Result unknown = filesync().run("pause", "nope");
        FilesyncProcess.Result manual = filesync().run("resume", "manual");

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(unknown.stderr()).isEqualTo("filesync: no job named nope\n");
        assertThat(manual.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(manual.stderr()).isEqualTo("filesync: cannot resume job manual: it has no schedule\n");
    }

    @Test
    void passwordFromEnvironmentNeverAppearsInAnyOutput() throws Exception {
        writeValidJobs();
        JobFiles.write(dir.resolve("jobs"), "broken.yaml", "remote:", "  url: ftp://u@h/", "  password: ${PARTNER_PASSWORD}",
                "  passive: maybe", "local:", "  path: x");

        for (String[] command : new String[][] {{"validate"}, {"jobs"}, {"jobs", "--json"}}) {
            FilesyncProcess.Result result = filesync().run(command);
            assertThat(result.all()).as(String.join(" ", command)).doesNotContain(PASSWORD).isNotBlank();
        }
    }

    @Test
    void commonOptionsWorkBeforeAndAfterTheCommandEvenWhenTheFolderIsCalledJobs() throws Exception {
        writeValidJobs();

        assertThat(filesync().run("--jobs", "jobs", "validate").exitCode()).isZero();
        assertThat(filesync().run("validate", "--jobs", "jobs").exitCode()).isZero();
        FilesyncProcess.Result elsewhere = filesync().run("validate", "--jobs", "missing-folder");
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.stderr()).contains("missing-folder");
    }

    @Test
    void unreachableDatabaseFailsWithExitOneAndMasksItsPassword() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        FilesyncProcess.Result result = filesync().run("history",
                "--db", "jdbc:postgresql://127.0.0.1:" + closedPort + "/filesync?password=db-secret-1");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("cannot open the database", "127.0.0.1:" + closedPort, "password=******");
        assertThat(result.all()).doesNotContain("db-secret-1");
    }

    @Test
    void unknownCommandIsUsageErrorWithExitTwo() throws Exception {
        FilesyncProcess.Result result = filesync().run("frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.stderr()).contains("frobnicate");
    }
}
