package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filesync run}, {@code history} and {@code show} as separate processes, checked against the JSON contract. */
class RunCommandTest {

    private static final Set<String> RUN_KEYS = Set.of("runId", "job", "status", "startedAt", "finishedAt", "trigger",
            "filesTransferred", "filesSkipped", "filesFailed", "filesDeleted", "bytesTransferred", "error", "resumes",
            "fireTime", "node", "startedBy", "warning");
    private static final Set<String> TRANSFER_KEYS = Set.of("path", "direction", "status", "size", "bytesTransferred",
            "resumedFrom", "attempts", "replyCode", "message", "startedAt", "finishedAt");

    @TempDir
    Path dir;

    private ApacheFtpServer server;
    private FilesyncProcess filesync;

    @BeforeEach
    void startServer() throws Exception {
        Path served = Files.createDirectories(dir.resolve("served/pub/sub"));
        Files.writeString(served.resolve("a.txt"), "alpha");
        Files.write(served.resolve("../b.bin"), new byte[70_000]);
        server = ApacheFtpServer.start(dir.resolve("served"));
        filesync = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));
        JobFiles.ftpJob(dir.resolve("jobs"), "pub", server.port(), "%2Fpub", "  connectTimeout: 3s");
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    @Test
    void runJsonHistoryJsonAndShowJsonFollowTheContract() throws Exception {
        FilesyncProcess.Result run = filesync.run("run", "pub", "--json");

        assertThat(run.exitCode()).as(run.stderr()).isZero();
        JsonNode runJson = JsonOutput.mapper().readTree(run.stdout());
        assertThat(keys(runJson)).isEqualTo(RUN_KEYS);
        assertThat(runJson.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(runJson.get("trigger").asText()).isEqualTo("manual");
        assertThat(runJson.get("filesTransferred").asInt()).isEqualTo(2);
        assertThat(runJson.get("bytesTransferred").asLong()).isEqualTo(70_005);
        assertThat(runJson.get("fireTime").isNull()).isTrue();
        assertThat(runJson.get("startedBy").asText()).isEqualTo("cli:" + System.getProperty("user.name"));
        assertThat(runJson.get("startedAt").asText()).endsWith("Z");
        assertThat(Files.readString(dir.resolve("mirror/pub/sub/a.txt"))).isEqualTo("alpha");

        FilesyncProcess.Result history = filesync.run("history", "--json");
        JsonNode runs = JsonOutput.mapper().readTree(history.stdout());
        assertThat(runs).hasSize(1);
        assertThat(keys(runs.get(0))).isEqualTo(RUN_KEYS);

        long runId = runJson.get("runId").asLong();
        FilesyncProcess.Result show = filesync.run("show", String.valueOf(runId), "--json");
        JsonNode shown = JsonOutput.mapper().readTree(show.stdout());
        assertThat(keys(shown)).containsExactlyInAnyOrder("run", "transfers", "notifications", "actions");
        assertThat(shown.get("transfers")).hasSize(2).allSatisfy(transfer -> assertThat(keys(transfer)).isEqualTo(TRANSFER_KEYS));
        JsonNode b = shown.get("transfers").get(0);
        assertThat(b.get("path").asText()).isEqualTo("b.bin");
        assertThat(b.get("direction").asText()).isEqualTo("DOWNLOAD");
        assertThat(b.get("status").asText()).isEqualTo("DONE");
        assertThat(b.get("size").asLong()).isEqualTo(70_000);
        assertThat(b.get("bytesTransferred").asLong()).isEqualTo(70_000);
        assertThat(b.get("resumedFrom").asLong()).isZero();
        assertThat(b.get("attempts").asInt()).isEqualTo(1);
        assertThat(b.get("replyCode").asInt()).isEqualTo(226);
        assertThat(shown.get("transfers").get(1).get("path").asText()).isEqualTo("sub/a.txt");
    }

    @Test
    void peopleSeeTablesAndASummary() throws Exception {
        FilesyncProcess.Result run = filesync.run("run", "pub");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("run 1 of pub: COMPLETED", "2 transferred");

        assertThat(filesync.run("history").stdout()).contains("RUN", "JOB", "STATUS", "pub", "COMPLETED");
        assertThat(filesync.run("show", "1").stdout()).contains("sub/a.txt", "DONE", "226");

        assertThat(filesync.run("run", "pub").exitCode()).isZero();
        FilesyncProcess.Result recheck = filesync.run("show", "2");
        assertThat(recheck.stdout()).contains("0 transferred, 2 skipped (2 unchanged)").doesNotContain("sub/a.txt");
    }

    @Test
    void dryRunPrintsThePlanAndChangesNothing() throws Exception {
        FilesyncProcess.Result dry = filesync.run("run", "pub", "--dry-run");

        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        assertThat(dry.stdout()).contains("transfer b.bin", "transfer sub/a.txt", "nothing was changed");
        assertThat(dir.resolve("mirror")).doesNotExist();
        assertThat(JsonOutput.mapper().readTree(filesync.run("history", "--json").stdout())).isEmpty();
    }

    @Test
    void unreachableServerIsAFailedRunWithItsErrorAndExitOne() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JobFiles.ftpJob(dir.resolve("jobs"), "nowhere", closedPort, "pub", "  connectTimeout: 3s");

        FilesyncProcess.Result run = filesync.run("run", "nowhere", "--json");

        assertThat(run.exitCode()).isEqualTo(1);
        JsonNode runJson = JsonOutput.mapper().readTree(run.stdout());
        assertThat(runJson.get("status").asText()).isEqualTo("FAILED");
        assertThat(runJson.get("error").asText()).contains("127.0.0.1:" + closedPort);
    }

    @Test
    void wrongPasswordIsAFailedRunSayingLoginRefused() throws Exception {
        FilesyncProcess wrong = new FilesyncProcess(dir, Map.of("FTP_PASSWORD", "not-the-password",
                "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync") + ";AUTO_SERVER=TRUE"));

        FilesyncProcess.Result run = wrong.run("run", "pub");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.stdout()).contains("FAILED").containsIgnoringCase("login refused");
        assertThat(run.all()).doesNotContain("not-the-password");
    }

    @Test
    void unknownJobIsAConfigurationErrorAndNotARun() throws Exception {
        FilesyncProcess.Result run = filesync.run("run", "nope");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("no job named nope");
        assertThat(JsonOutput.mapper().readTree(filesync.run("history", "--json").stdout())).isEmpty();
    }

    @Test
    void massDeleteIsRefusedWithExitOneUntilAllowDeletesLiftsTheLimitForOneRun() throws Exception {
        Path served = dir.resolve("served/pub");
        Files.writeString(served.resolve("c.txt"), "c");
        Files.writeString(served.resolve("d.txt"), "d");
        JobFiles.ftpJob(dir.resolve("jobs"), "pubdel", server.port(), "%2Fpub", "delete: true");
        assertThat(filesync.run("run", "pubdel").exitCode()).isZero();
        Files.delete(served.resolve("b.bin"));
        Files.delete(served.resolve("c.txt"));
        Files.delete(served.resolve("d.txt"));

        FilesyncProcess.Result dry = filesync.run("run", "pubdel", "--dry-run");
        FilesyncProcess.Result refused = filesync.run("run", "pubdel", "--json");

        assertThat(dry.stdout()).contains("refuse   would delete 3 of the target's 4 files").doesNotContain("delete   b.bin");
        assertThat(refused.exitCode()).isEqualTo(1);
        JsonNode refusedJson = JsonOutput.mapper().readTree(refused.stdout());
        assertThat(refusedJson.get("status").asText()).isEqualTo("COMPLETED_WITH_ERRORS");
        assertThat(refusedJson.get("error").asText()).contains("would delete 3", "deleteLimit 50%");
        assertThat(dir.resolve("mirror/pubdel/b.bin")).exists();

        FilesyncProcess.Result allowed = filesync.run("run", "pubdel", "--allow-deletes", "--json");

        assertThat(allowed.exitCode()).as(allowed.stderr()).isZero();
        assertThat(JsonOutput.mapper().readTree(allowed.stdout()).get("filesDeleted").asInt()).isEqualTo(3);
        assertThat(dir.resolve("mirror/pubdel/b.bin")).doesNotExist();
        assertThat(dir.resolve("mirror/pubdel/sub/a.txt")).exists();
    }

    @Test
    void dryRunSaysWhichFilesAreTooYoungToTake() throws Exception {
        JobFiles.ftpJob(dir.resolve("jobs"), "settled", server.port(), "%2Fpub", "minAge: 1h");

        FilesyncProcess.Result dry = filesync.run("run", "settled", "--dry-run");

        assertThat(dry.exitCode()).as(dry.stderr()).isZero();
        assertThat(dry.stdout()).contains("wait     b.bin (younger than minAge: left for a later run)",
                "wait     sub/a.txt", "would transfer 0 file(s)", "leave 2 too young").doesNotContain("transfer b.bin");
    }
}
