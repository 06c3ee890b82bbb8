package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.PureFtpdServer;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A folder that cannot be listed is never dropped silently: it is retried, reported, and holds deletes back. */
class IncompleteListingTest {

    @TempDir
    Path dir;

    static Stream<Arguments> serversAllowingTwoConnections() {
        return Stream.of(
                Arguments.of("vsftpd max_per_ip=2", (Function<Path, FtpServerFixture>) base ->
                        VsftpdServer.start(base, "max_per_ip=2")),
                Arguments.of("pure-ftpd -C 2", (Function<Path, FtpServerFixture>) base ->
                        PureFtpdServer.start(base, "-C", "2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serversAllowingTwoConnections")
    void everyFileArrivesFromAServerThatRefusesMostOfTheSessions(String name, Function<Path, FtpServerFixture> start)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path tree = server.localRoot().resolve("tree");
            for (int i = 0; i < 30; i++) {
                Path file = tree.resolve("d" + i % 6 + (i % 4 == 0 ? "/inner" : "") + "/f" + i + ".txt");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "file " + i);
            }
            Path target = dir.resolve("target");

            RunRecord run = harness.run(harness.job("limited", server, "download", "tree", target, "parallel: 6"));

            assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.filesTransferred()).isEqualTo(30);
            assertThat(MirrorHarness.tree(target)).isEqualTo(MirrorHarness.tree(tree));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"550 locked: Permission denied", "450 locked: Try again later"})
    void folderThatCannotBeListedFailsTheRunByNameAndDeletesNothing(String refusal) throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.writeString(served.resolve("a.txt"), "a");
        Files.createDirectories(served.resolve("open"));
        Files.writeString(served.resolve("open/b.txt"), "b");
        Files.createDirectories(served.resolve("locked"));
        Files.writeString(served.resolve("locked/c.txt"), "c");
        Path target = Files.createDirectories(dir.resolve("target"));
        Files.writeString(target.resolve("vanished.txt"), "gone from the source");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.answerInstead("MLSD /pub/locked", refusal);

            RunRecord run = harness.run(harness.job("locked", server, proxy.port(), "download", "pub", target,
                    "delete: true", "retries: 1", "parallel: 2"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(run.error()).contains("locked", refusal.substring(0, 3));
            TransferRecord locked = harness.transfer(run.runId(), "locked");
            assertThat(locked.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(locked.replyCode()).isEqualTo(Integer.parseInt(refusal.substring(0, 3)));
            assertThat(locked.message()).contains(refusal);
            assertThat(run.filesDeleted()).isZero();
            assertThat(target.resolve("vanished.txt")).exists();
            assertThat(target.resolve("a.txt")).hasContent("a");
            assertThat(target.resolve("open/b.txt")).hasContent("b");
        }
    }
}
