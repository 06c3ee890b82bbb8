package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.BlockModeFtpServer;
import org.filesync.testing.SmallFileSystem;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport tells a failing local file from a failing connection, and its session survives the first. */
class LocalFileFailureTest {

    private static final int BIG = 4 << 20;

    @TempDir
    Path dir;

    @Test
    void diskFullDuringDownloadIsALocalFailureAndTheSessionGoesOn() throws Exception {
        Path served = dir.resolve("served");
        Path big = TestFiles.random(served.resolve("big.bin"), BIG, 1);
        Path small = TestFiles.random(served.resolve("small.bin"), 10_000, 2);
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             SmallFileSystem disk = SmallFileSystem.mount(dir.resolve("disk"), "2m");
             FtpSession session = server.openSession()) {
            Path partial = disk.root().resolve("big.bin");

            Throwable failure = catchThrowable(() -> session.retrieve(server.remote("big.bin"), partial,
                    RestartPoint.START, BIG, TransferListener.NONE));

            assertThat(failure).isInstanceOf(LocalFileException.class)
                    .hasMessage(partial + ": No space left on device");
            byte[] kept = Files.readAllBytes(partial);
            assertThat(kept.length).isPositive();
            assertThat(kept).isEqualTo(Arrays.copyOf(Files.readAllBytes(big), kept.length));

            Path elsewhere = dir.resolve("small.bin");
            session.retrieve(server.remote("small.bin"), elsewhere, RestartPoint.START, 10_000, TransferListener.NONE);
            assertThat(Files.mismatch(small, elsewhere)).isEqualTo(-1);
        }
    }

    @Test
    void diskFullDuringABlockModeDownloadIsALocalFailureAndTheSessionGoesOn() throws Exception {
        Path served = dir.resolve("served");
        Path big = TestFiles.random(served.resolve("big.bin"), BIG, 3);
        Path small = TestFiles.random(served.resolve("small.bin"), 10_000, 4);
        try (BlockModeFtpServer server = BlockModeFtpServer.serving(served).markerInterval(256 * 1024).start();
             SmallFileSystem disk = SmallFileSystem.mount(dir.resolve("disk"), "2m");
             FtpSession session = new CommonsNetSessionFactory(BlockModeSessionTest.blockMode(server)).open()) {
            Path partial = disk.root().resolve("big.bin");

            Throwable failure = catchThrowable(() -> session.retrieve("/big.bin", partial, RestartPoint.START, BIG,
                    TransferListener.NONE));

            assertThat(failure).isInstanceOf(LocalFileException.class)
                    .hasMessage(partial + ": No space left on device");
            byte[] kept = Files.readAllBytes(partial);
            assertThat(kept).isEqualTo(Arrays.copyOf(Files.readAllBytes(big), kept.length));

            Path elsewhere = dir.resolve("small.bin");
            session.retrieve("/small.bin", elsewhere, RestartPoint.START, 10_000, TransferListener.NONE);
            assertThat(Files.mismatch(small, elsewhere)).isEqualTo(-1);
        }
    }

    @Test
    void uploadOfAVanishedSourceIsALocalFailureNamingIt() throws Exception {
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"));
             FtpSession session = server.openSession()) {
            Path vanished = dir.resolve("vanished.bin");

            Throwable failure = catchThrowable(() -> session.store(vanished, server.remote("vanished.bin"),
                    RestartPoint.START, TransferListener.NONE));

            assertThat(failure).isInstanceOf(LocalFileException.class).hasMessage(vanished + ": no such file");
            assertThat(session.isAlive()).isTrue();
        }
    }
}
