package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.PureFtpdServer;
import org.filesync.testing.PyFtpdServer;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A server that allows two sessions from one address: the run goes on with two, and its history says so. */
class ServerConnectionLimitTest {

    @TempDir
    Path dir;

    static Stream<Arguments> serversAllowingTwoSessions() {
        return Stream.of(
                Arguments.of("vsftpd max_per_ip=2", (Function<Path, FtpServerFixture>) base ->
                        VsftpdServer.start(base, "max_per_ip=2")),
                Arguments.of("pyftpdlib max_cons_per_ip=2", (Function<Path, FtpServerFixture>) base ->
                        PyFtpdServer.startWithConnectionsPerAddress(base, 2)),
                Arguments.of("pure-ftpd -C 2", (Function<Path, FtpServerFixture>) base ->
                        PureFtpdServer.start(base, "-C", "2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serversAllowingTwoSessions")
    void everyFileArrivesOverFewerSessionsAndHistorySaysWhy(String name, Function<Path, FtpServerFixture> start)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path tree = server.localRoot().resolve("tree");
            for (int i = 0; i < 24; i++) {
                Path file = tree.resolve("d" + i % 4 + "/f" + i + ".txt");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "file " + i);
            }
            Path target = dir.resolve("target");

            RunRecord run = harness.run(harness.job("limited", server, "download", "tree", target, "parallel: 4"));

            assertThat(run.status()).as(run.error()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.filesFailed()).isZero();
            assertThat(MirrorHarness.tree(target)).isEqualTo(MirrorHarness.tree(tree));
            assertThat(run.warning()).isEqualTo("server limited connections to 2");
        }
    }
}
