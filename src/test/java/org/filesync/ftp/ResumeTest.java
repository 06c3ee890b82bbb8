package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FaultProxy.Direction;
import org.filesync.testing.FaultProxy.Fault;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.FtpServers;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResumeTest {

    private static final long SIZE = 3 * 1024 * 1024 + 17;

    @TempDir
    Path dir;

    static Stream<Arguments> serversAndCuts() {
        long[] cuts = {1, 777_777, 2 * 1024 * 1024 + 5};
        return Stream.of(FtpServers.values()).flatMap(server -> java.util.Arrays.stream(cuts)
                .mapToObj(cut -> Arguments.of(server, cut)));
    }

    @ParameterizedTest(name = "{0}, cut after {1} bytes")
    @MethodSource("serversAndCuts")
    void resumesDownloadFromOffsetAfterDataConnectionCut(FtpServers kind, long cut) throws Exception {
        try (FtpServerFixture server = kind.start(dir);
             FaultProxy proxy = FaultProxy.start(server.host(), server.port());
             FtpSession session = new CommonsNetSessionFactory(server.settings(proxy.host(), proxy.port())).open()) {
            Path original = TestFiles.random(server.localRoot().resolve("big.bin"), SIZE, cut);
            Path partial = dir.resolve("big.part");
            String remote = server.remote("big.bin");

            proxy.failNextDataConnection(Fault.cut(Direction.TO_CLIENT, cut));
            FtpException failure = catchThrowableOfType(
                    () -> session.retrieve(remote, partial, RestartPoint.START, SIZE, TransferListener.NONE),
                    FtpException.class);
            assertThat(failure.isTransient()).as("%s", failure).isTrue();
            long kept = Files.size(partial);
            assertThat(kept).isLessThanOrEqualTo(cut);

            FtpSession resumeOn = failure.connectionLost()
                    ? new CommonsNetSessionFactory(server.settings(proxy.host(), proxy.port())).open() : session;
            TransferResult result = resumeOn.retrieve(remote, partial, RestartPoint.atOffset(kept), SIZE,
                    TransferListener.NONE);

            assertThat(result.restartRefused()).isFalse();
            assertThat(result.resumedFrom().offset()).isEqualTo(kept);
            assertThat(result.bytesTransferred()).isEqualTo(SIZE - kept);
            assertThat(proxy.lastDataConnection().bytesToClient()).isEqualTo(SIZE - kept);
            assertThat(Files.mismatch(original, partial)).isEqualTo(-1);
        }
    }

    @ParameterizedTest(name = "{0}, cut after {1} bytes")
    @MethodSource("serversAndCuts")
    void resumesUploadFromOffsetAfterDataConnectionCut(FtpServers kind, long cut) throws Exception {
        try (FtpServerFixture server = kind.start(dir);
             FaultProxy proxy = FaultProxy.start(server.host(), server.port());
             FtpSession session = new CommonsNetSessionFactory(server.settings(proxy.host(), proxy.port())).open()) {
            Path original = TestFiles.random(dir.resolve("upload.bin"), SIZE, cut);
            String remote = server.remote("upload.bin");

            proxy.failNextDataConnection(Fault.cut(Direction.TO_SERVER, cut));
            FtpException failure = catchThrowableOfType(
                    () -> session.store(original, remote, RestartPoint.START, TransferListener.NONE),
                    FtpException.class);
            FtpSession resumeOn = failure == null || !failure.connectionLost() ? session
                    : new CommonsNetSessionFactory(server.settings(proxy.host(), proxy.port())).open();
            // Whatever the server answered (pyftpdlib says 226), SIZE tells what it really holds.
            long stored = resumeOn.size(remote).orElseThrow();
            assertThat(stored).isLessThanOrEqualTo(cut);

            TransferResult result = resumeOn.store(original, remote, RestartPoint.atOffset(stored), TransferListener.NONE);

            // ProFTPD takes REST, then refuses STOR and APPE after it (AllowStoreRestart off, its default)
            long resumedAt = kind == FtpServers.PROFTPD ? 0 : stored;
            assertThat(result.restartRefused()).isEqualTo(kind == FtpServers.PROFTPD && stored > 0);
            assertThat(result.resumedFrom().offset()).isEqualTo(resumedAt);
            assertThat(result.bytesTransferred()).isEqualTo(SIZE - resumedAt);
            assertThat(proxy.lastDataConnection().bytesToServer()).isEqualTo(SIZE - resumedAt);
            assertThat(resumeOn.size(remote)).hasValue(SIZE);
            assertThat(Files.mismatch(original, server.localRoot().resolve("upload.bin"))).isEqualTo(-1);
        }
    }
}
