package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.FtpServers;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {

    @TempDir
    Path dir;

    static Stream<Arguments> serversAndSizes() {
        long[] sizes = {0, 1, 1024 * 1024 + 1, 5 * 1024 * 1024 + 123};
        return Stream.of(FtpServers.values()).flatMap(server -> java.util.Arrays.stream(sizes)
                .mapToObj(size -> Arguments.of(server, size)));
    }

    @ParameterizedTest(name = "{0}, {1} bytes")
    @MethodSource("serversAndSizes")
    void uploadsAndDownloadsByteIdenticalFiles(FtpServers kind, long size) throws Exception {
        try (FtpServerFixture server = kind.start(dir);
             FtpSession session = server.openSession()) {
            Path original = TestFiles.random(dir.resolve("original.bin"), size, size);
            String remote = server.remote("roundtrip.bin");

            TransferResult up = session.store(original, remote, RestartPoint.START, TransferListener.NONE);
            Path back = dir.resolve("back.bin");
            TransferResult down = session.retrieve(remote, back, RestartPoint.START, size, TransferListener.NONE);

            assertThat(up.bytesTransferred()).isEqualTo(size);
            assertThat(down.bytesTransferred()).isEqualTo(size);
            assertThat(session.size(remote)).hasValue(size);
            assertThat(Files.mismatch(original, back)).isEqualTo(-1);
            assertThat(Files.mismatch(original, server.localRoot().resolve("roundtrip.bin"))).isEqualTo(-1);
        }
    }
}
