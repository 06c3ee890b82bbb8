package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code filesync file} as an operator runs it, over the history a real run left. */
class FileCommandTest {

    @TempDir
    Path dir;

    private String url;
    private long runId;

    @BeforeEach
    void runAJob() throws Exception {
        Files.createDirectories(dir.resolve("served/pub/docs"));
        Files.writeString(dir.resolve("served/pub/docs/x.tar.gz"), "archive");
        Files.writeString(dir.resolve("served/pub/readme.txt"), "read me");
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            runId = harness.run(harness.job("releases", server, "download", "pub", dir.resolve("target"))).runId();
            url = harness.databaseUrl();
        }
    }

    private FilesyncProcess filesync() {
        return new FilesyncProcess(dir, Map.of("FILESYNC_DB_URL", url));
    }

    @Test
    void printsTheRunsOfAPathAndItsSyncedState() throws Exception {
        FilesyncProcess.Result file = filesync().run("file", "x.tar");

        assertThat(file.exitCode()).as(file.all()).isZero();
        assertThat(file.stdout()).containsPattern(runId + " +releases +\\S+ \\S+ +COMPLETED +docs/x.tar.gz +DONE +7 +7 +226")
                .containsPattern("releases +docs/x.tar.gz +7 ")
                .doesNotContain("readme.txt");
    }

    @Test
    void printsOneJsonDocumentForAGlob() throws Exception {
        FilesyncProcess.Result file = filesync().run("file", "**/*.gz", "--job", "releases", "--json");

        assertThat(file.exitCode()).as(file.all()).isZero();
        JsonNode found = JsonOutput.mapper().readTree(file.stdout());
        assertThat(keys(found)).containsExactly("path", "match", "job", "limit", "eventsTruncated", "events",
                "syncedTruncated", "synced");
        assertThat(found.get("match").asText()).isEqualTo("glob");
        assertThat(found.get("limit").asInt()).isEqualTo(500);
        JsonNode event = found.get("events").get(0);
        assertThat(found.get("events")).hasSize(1);
        assertThat(keys(event)).containsExactly("runId", "job", "runStatus", "runStartedAt", "path", "status", "size",
                "bytesTransferred", "replyCode", "message", "finishedAt");
        assertThat(event.get("runId").asLong()).isEqualTo(runId);
        assertThat(event.get("path").asText()).isEqualTo("docs/x.tar.gz");
        assertThat(event.get("replyCode").asInt()).isEqualTo(226);
        assertThat(found.get("synced").get(0).get("size").asLong()).isEqualTo(7);
        assertThat(found.get("synced").get(0).get("syncedAt").asText()).endsWith("Z");
    }

    @Test
    void saysSoWhenNothingMatches() throws Exception {
        FilesyncProcess.Result file = filesync().run("file", "nowhere.bin");

        assertThat(file.exitCode()).as(file.all()).isZero();
        assertThat(file.stdout()).contains("no run moved, failed or deleted a path matching nowhere.bin",
                "no synced file matches");
    }

    @Test
    void aBrokenGlobIsAUsageError() throws Exception {
        FilesyncProcess.Result file = filesync().run("file", "[*.gz");

        assertThat(file.exitCode()).isEqualTo(ExitCode.CONFIGURATION);
        assertThat(file.stderr()).contains("filesync: PATH: '[' without ']'").doesNotContain("Exception");
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
