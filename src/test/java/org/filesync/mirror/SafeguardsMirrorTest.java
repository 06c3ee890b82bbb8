package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The mass-delete guard and minAge, end to end against real servers. */
class SafeguardsMirrorTest {

    @TempDir
    Path dir;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("Apache FtpServer", ApacheFtpServer::start)),
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("vsftpd", VsftpdServer::start)));
    }

    private static void writeTen(Path folder) throws Exception {
        Files.createDirectories(folder);
        for (int i = 0; i < 10; i++) {
            Files.writeString(folder.resolve("f" + i + ".txt"), "file " + i);
        }
    }

    private static void removeSix(Path folder) throws Exception {
        for (int i = 0; i < 6; i++) {
            Files.delete(folder.resolve("f" + i + ".txt"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void downloadThatWouldDeleteSixtyPercentDeletesNothingUntilDeletesAreAllowed(Function<Path, FtpServerFixture> start)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = server.localRoot().resolve("src");
            writeTen(source);
            Path target = dir.resolve("target");
            JobDefinition job = harness.job("guarded", server, "download", "src", target, "delete: true");
            assertThat(harness.run(job).status()).isEqualTo(RunStatus.COMPLETED);
            removeSix(source);
            Files.writeString(source.resolve("new.txt"), "new");

            RunRecord refused = harness.run(job);

            assertThat(refused.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(refused.error()).contains("would delete 6 of the target's 10 files", "deleteLimit 50%");
            assertThat(refused.filesDeleted()).isZero();
            assertThat(refused.filesTransferred()).isEqualTo(1);
            assertThat(target.resolve("new.txt")).hasContent("new");
            assertThat(MirrorHarness.tree(target)).hasSize(11);

            RunRecord allowed = harness.run(job.withDeletesAllowed());

            assertThat(allowed.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(allowed.filesDeleted()).isEqualTo(6);
            assertThat(MirrorHarness.tree(target).keySet()).containsExactlyInAnyOrder(
                    "f6.txt", "f7.txt", "f8.txt", "f9.txt", "new.txt");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void uploadThatWouldDeleteSixtyPercentDeletesNothingUntilDeletesAreAllowed(Function<Path, FtpServerFixture> start)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = dir.resolve("outbox");
            writeTen(source);
            JobDefinition job = harness.job("guarded-up", server, "upload", "up", source, "delete: true");
            assertThat(harness.run(job).status()).isEqualTo(RunStatus.COMPLETED);
            removeSix(source);

            RunRecord refused = harness.run(job);

            assertThat(refused.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(refused.error()).contains("would delete 6 of the target's 10 files");
            assertThat(MirrorHarness.tree(server.localRoot().resolve("up"))).hasSize(10);

            RunRecord allowed = harness.run(job.withDeletesAllowed());

            assertThat(allowed.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(allowed.filesDeleted()).isEqualTo(6);
            assertThat(MirrorHarness.tree(server.localRoot().resolve("up"))).hasSize(4);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void filesYoungerThanMinAgeAreLeftForALaterRunAndTheHistorySaysWhy(Function<Path, FtpServerFixture> start)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = Files.createDirectories(server.localRoot().resolve("drop"));
            Files.writeString(source.resolve("settled.csv"), "done");
            Files.setLastModifiedTime(source.resolve("settled.csv"),
                    FileTime.from(Instant.now().minus(Duration.ofHours(2))));
            Files.writeString(source.resolve("writing.csv"), "still");
            Path target = dir.resolve("target");

            RunRecord run = harness.run(harness.job("settled", server, "download", "drop", target, "minAge: 30m"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.filesTransferred()).isEqualTo(1);
            assertThat(run.filesSkipped()).isEqualTo(1);
            assertThat(target.resolve("settled.csv")).hasContent("done");
            assertThat(target.resolve("writing.csv")).doesNotExist();
            TransferRecord young = harness.transfer(run.runId(), "writing.csv");
            assertThat(young.status()).isEqualTo(TransferStatus.SKIPPED);
            assertThat(young.message()).contains("younger than minAge");
        }
    }
}
