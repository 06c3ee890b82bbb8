package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.MirrorHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders that cannot be made or removed are failures in the run's history, not only log lines. */
class FolderFailuresTest {

    @TempDir
    Path dir;

    @Test
    void uploadRecordsAFolderTheServerRefusesToCreate() throws Exception {
        Path source = Files.createDirectories(dir.resolve("outgoing/reports"));
        Path served = Files.createDirectories(dir.resolve("server/up"));
        Files.writeString(served.resolve("reports"), "a file where the folder belongs");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("up", server, "upload", "up", source.getParent()));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(run.filesFailed()).isEqualTo(1);
            TransferRecord folder = harness.transfer(run.runId(), "reports");
            assertThat(folder.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(folder.replyCode()).isEqualTo(550);
            assertThat(folder.message()).contains("cannot create the folder", "MKD /up/reports");
        }
    }

    @Test
    void downloadRecordsAFolderThatCannotBeCreatedLocally() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub/docs"));
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("docs"), "a file where the folder belongs");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent().getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("down", server, "download", "pub", target));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            TransferRecord folder = harness.transfer(run.runId(), "docs");
            assertThat(folder.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(folder.replyCode()).isNull();
            assertThat(folder.message()).contains("cannot create the folder", "local:", "docs");
        }
    }

    @Test
    void uploadRecordsAFolderTheServerRefusesToDelete() throws Exception {
        Path source = Files.createDirectories(dir.resolve("outgoing"));
        Files.writeString(source.resolve("kept.txt"), "kept");
        Path served = Files.createDirectories(dir.resolve("server/up/old"));
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent().getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.answerInstead("RMD /up/old", "550 old: Permission denied");

            RunRecord run = harness.run(harness.job("up", server, proxy.port(), "upload", "up", source, "delete: true"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            TransferRecord folder = harness.transfer(run.runId(), "old");
            assertThat(folder.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(folder.replyCode()).isEqualTo(550);
            assertThat(folder.message()).contains("cannot delete the folder", "Permission denied");
            assertThat(served).isDirectory();
        }
    }

    @Test
    void uploadLeavesAFolderThatHoldsExcludedFilesWithoutFailing() throws Exception {
        Path source = Files.createDirectories(dir.resolve("outgoing"));
        Files.writeString(source.resolve("kept.txt"), "kept");
        Path served = Files.createDirectories(dir.resolve("server/up/old"));
        Files.writeString(served.resolve("notes.tmp"), "excluded, so not the mirror's to delete");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent().getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("up", server, "upload", "up", source, "delete: true",
                    "exclude: [\"**/*.tmp\"]"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(served.resolve("notes.tmp")).exists();
        }
    }
}
