package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.ReplyScriptServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** LIST output with lines that are not entries: noise is ignored, a line that may be a file is a warning. */
class ListingNoiseTest {

    private static final String FILES = String.join("\r\n",
            "-rw-r--r--   1 ftp ftp  5 Jan 01  2020 a.txt",
            "-rw-r--r--   1 ftp ftp  5 Jan 01  2020 b.txt");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void totalLineAndBannerAreNotFilesAndChangeNothing(boolean delete) throws Exception {
        try (ReplyScriptServer server = ReplyScriptServer.start();
             MirrorHarness harness = new MirrorHarness(dir)) {
            server.data("hello").listing(String.join("\r\n", "total 8", "Welcome to the ACME archive", "", FILES, ""));
            Path target = Files.createDirectories(dir.resolve("target"));
            Files.writeString(target.resolve("vanished.txt"), "gone from the source");

            RunRecord run = harness.run(harness.job("noisy", "u", "p", server.port(), "", "download", target,
                    delete ? new String[] {"delete: true", "deleteLimit: 100%"} : new String[] {"delete: false"}));

            assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.COMPLETED);
            assertThat(harness.transfers(run.runId())).extracting(TransferRecord::status)
                    .doesNotContain(TransferStatus.FAILED);
            assertThat(target.resolve("a.txt")).hasContent("hello");
            assertThat(target.resolve("b.txt")).hasContent("hello");
            assertThat(target.resolve("vanished.txt").toFile().exists()).isEqualTo(!delete);
        }
    }

    @Test
    void lineThatMayBeAFileIsOneWarningAndHoldsDeletesBack() throws Exception {
        try (ReplyScriptServer server = ReplyScriptServer.start();
             MirrorHarness harness = new MirrorHarness(dir)) {
            server.data("hello").listing(String.join("\r\n", "total 8", FILES,
                    "-rw-r--r--   1 ftp ftp  5 sometime last week mystery.txt",
                    "-rw-r--r--   1 ftp ftp  7 whenever other.txt", ""));
            Path target = Files.createDirectories(dir.resolve("target"));
            Files.writeString(target.resolve("vanished.txt"), "gone from the source");

            RunRecord run = harness.run(harness.job("unreadable", "u", "p", server.port(), "", "download", target,
                    "delete: true"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.filesTransferred()).isEqualTo(2);
            assertThat(run.filesDeleted()).isZero();
            assertThat(target.resolve("vanished.txt")).exists();
            assertThat(harness.transfers(run.runId())).extracting(TransferRecord::status)
                    .doesNotContain(TransferStatus.FAILED);
            assertThat(harness.transfers(run.runId())).filteredOn(t -> t.message() != null
                            && t.message().contains("unparseable"))
                    .singleElement().satisfies(warning -> {
                        assertThat(warning.status()).isEqualTo(TransferStatus.SKIPPED);
                        assertThat(warning.message()).contains("2 unparseable", "mystery.txt", "other.txt");
                    });
        }
    }
}
