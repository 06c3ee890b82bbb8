package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.filesync.testing.BlockModeFtpServer;
import org.filesync.testing.DataTransfer;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code transferMode: block} sessions against {@link BlockModeFtpServer} over real sockets. */
// A hang guard, not a speed check: a session waiting for a data connection the server keeps open would block.
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BlockModeSessionTest {

    private static final long MARKERS = 256 * 1024;
    private static final long SIZE = 3 * 1024 * 1024 + 17;
    private static final long CUT = 1_000_000;
    /** The last marker (server's on RETR, 110-confirmed on STOR) before {@link #CUT}: 786,432. */
    private static final long LAST_MARKER = CUT / MARKERS * MARKERS;

    @TempDir
    Path remote;
    @TempDir
    Path local;

    static FtpSessionSettings blockMode(BlockModeFtpServer server) {
        return blockMode(server.host(), server.port(), server.username(), server.password());
    }

    /** Passive, plain FTP, {@code transferMode: block} with a marker every 256 KiB, short timeouts. */
    static FtpSessionSettings blockMode(String host, int port, String username, String password) {
        return new FtpSessionSettings(FtpEndpoint.builder(host, port).username(username).transferMode(TransferMode.BLOCK)
                .markerInterval(MARKERS).connectTimeout(Duration.ofSeconds(5)).idleTimeout(Duration.ofSeconds(10)).build(),
                password, BandwidthThrottle.UNLIMITED);
    }

    private BlockModeFtpServer.Builder server() {
        return BlockModeFtpServer.serving(remote).markerInterval(MARKERS);
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(longs = {0, 1, 65_535, 65_536, 5_000_011})
    void storesAndRetrievesByteIdenticalFiles(long size) throws Exception {
        Path original = TestFiles.random(local.resolve("original.bin"), size, size);
        Path back = local.resolve("back.bin");
        try (var server = server().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            TransferResult stored = session.store(original, "/copy.bin", RestartPoint.START, TransferListener.NONE);
            DataTransfer stor = server.lastTransfer();
            TransferResult retrieved = session.retrieve("/copy.bin", back, RestartPoint.START, size, TransferListener.NONE);
            DataTransfer retr = server.lastTransfer();

            assertThat(stored.bytesTransferred()).isEqualTo(size);
            assertThat(stor).isEqualTo(new DataTransfer("STOR", "/copy.bin", true, 0, size, true));
            assertThat(Files.mismatch(original, remote.resolve("copy.bin"))).isEqualTo(-1);
            assertThat(retrieved.bytesTransferred()).isEqualTo(size);
            assertThat(retr).isEqualTo(new DataTransfer("RETR", "/copy.bin", true, 0, size, true));
            assertThat(Files.mismatch(original, back)).isEqualTo(-1);
        }
    }

    @ParameterizedTest
    @EnumSource(BlockModeFtpServer.EndOfFile.class)
    void retrievesAWholeFileWhereverTheServerPutsTheEofBit(BlockModeFtpServer.EndOfFile style) throws Exception {
        Path original = TestFiles.random(remote.resolve("big.bin"), SIZE, 16);
        Path back = local.resolve("big.bin");
        try (var server = server().endOfFile(style).start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            TransferResult retrieved = session.retrieve("/big.bin", back, RestartPoint.START, SIZE, TransferListener.NONE);

            assertThat(retrieved.replyCode()).isEqualTo(226);
            assertThat(retrieved.bytesTransferred()).isEqualTo(SIZE);
            assertThat(Files.mismatch(original, back)).isEqualTo(-1);
        }
    }

    /** Cut before the first marker, there is nothing to resume from: the download starts over. */
    @ParameterizedTest(name = "cut after {0} bytes")
    @ValueSource(longs = {1_000, CUT})
    void resumesCutDownloadFromTheServersLastMarkerOrFromTheStartBeforeTheFirst(long cut) throws Exception {
        Path original = TestFiles.random(remote.resolve("big.bin"), SIZE, 7);
        Path partial = local.resolve("big.part");
        long lastMarker = cut / MARKERS * MARKERS;
        RestartPoint expected = lastMarker == 0 ? RestartPoint.START
                : new RestartPoint(lastMarker, "S" + Long.toHexString(lastMarker));
        try (var server = server().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            server.cutNextTransferAfter(cut);
            var firstAttempt = new LastProgress();

            FtpException failure = catchThrowableOfType(
                    () -> session.retrieve("/big.bin", partial, RestartPoint.START, SIZE, firstAttempt), FtpException.class);

            assertThat(failure.isTransient()).as("%s", failure).isTrue();
            assertThat(failure.connectionLost()).isFalse();
            assertThat(failure).hasMessageContaining(server.host() + ":" + server.port());
            RestartPoint confirmed = firstAttempt.confirmed;
            assertThat(confirmed).isEqualTo(expected);

            TransferResult resumed = session.retrieve("/big.bin", partial, confirmed, SIZE, TransferListener.NONE);

            assertThat(resumed.resumedFrom()).isEqualTo(confirmed);
            assertThat(resumed.restartRefused()).isFalse();
            assertThat(resumed.bytesTransferred()).isEqualTo(SIZE - lastMarker);
            assertThat(server.lastTransfer()).isEqualTo(
                    new DataTransfer("RETR", "/big.bin", true, lastMarker, SIZE - lastMarker, true));
            assertThat(Files.mismatch(original, partial)).isEqualTo(-1);
        }
    }

    @Test
    void resumesCutUploadFromTheLastMarkReplyAndSendsOnlyTheRest() throws Exception {
        Path original = TestFiles.random(local.resolve("big.bin"), SIZE, 8);
        try (var server = server().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            server.cutNextTransferAfter(CUT);
            var firstAttempt = new LastProgress();

            FtpException failure = catchThrowableOfType(
                    () -> session.store(original, "/big.bin", RestartPoint.START, firstAttempt), FtpException.class);

            assertThat(failure.isTransient()).as("%s", failure).isTrue();
            assertThat(failure.connectionLost()).isFalse();
            assertThat(failure.replyCode()).isEqualTo(426);
            RestartPoint confirmed = firstAttempt.confirmed;
            assertThat(confirmed).isEqualTo(new RestartPoint(LAST_MARKER, "W" + Long.toHexString(LAST_MARKER)));

            TransferResult resumed = session.store(original, "/big.bin", confirmed, TransferListener.NONE);

            assertThat(resumed.resumedFrom()).isEqualTo(confirmed);
            assertThat(resumed.restartRefused()).isFalse();
            assertThat(resumed.bytesTransferred()).isEqualTo(SIZE - LAST_MARKER);
            assertThat(server.lastTransfer()).isEqualTo(
                    new DataTransfer("STOR", "/big.bin", true, LAST_MARKER, SIZE - LAST_MARKER, true));
            assertThat(Files.mismatch(original, remote.resolve("big.bin"))).isEqualTo(-1);
        }
    }

    @Test
    void reportsTheLastMarkReplyOfAWholeUploadAsItsConfirmedPoint() throws Exception {
        Path original = TestFiles.random(local.resolve("big.bin"), SIZE, 9);
        try (var server = server().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            var progress = new LastProgress();

            session.store(original, "/big.bin", RestartPoint.START, progress);

            long lastMarker = SIZE / MARKERS * MARKERS;
            assertThat(progress.confirmed).isEqualTo(new RestartPoint(lastMarker, "W" + Long.toHexString(lastMarker)));
            assertThat(progress.bytes).isEqualTo(SIZE);
        }
    }

    @Test
    void doesNotWaitForADataConnectionTheServerKeepsOpenAfterTheEofBlock() throws Exception {
        Path original = TestFiles.random(local.resolve("file.bin"), SIZE, 10);
        Path back = local.resolve("back.bin");
        try (var server = server().keepDataConnectionOpen().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            TransferResult stored = session.store(original, "/file.bin", RestartPoint.START, TransferListener.NONE);
            TransferResult retrieved = session.retrieve("/file.bin", back, RestartPoint.START, SIZE, TransferListener.NONE);
            var listing = session.list("/");

            assertThat(stored.replyCode()).isEqualTo(250);
            assertThat(retrieved.replyCode()).isEqualTo(250);
            assertThat(listing).extracting(RemoteEntry::name).containsExactly("file.bin");
            assertThat(Files.mismatch(original, back)).isEqualTo(-1);
        }
    }

    @Test
    void keepsTheControlConnectionInStepAfterKeepAlivesDuringSlowBlockTransfers() throws Exception {
        long size = 2 * 1024 * 1024;
        Path original = TestFiles.random(local.resolve("slow.bin"), size, 15);
        Path back = local.resolve("slow-back.bin");
        try (var server = server().start()) {
            FtpSessionSettings s = blockMode(server);
            // 2 MiB at 4 MiB/s with a NOOP every 50 ms: their 200s arrive among the 110 MARK replies.
            FtpSessionSettings throttled = new FtpSessionSettings(s.server(), s.password(), new BandwidthThrottle(4 * 1024 * 1024));
            SessionTimings frequentKeepAlive = new SessionTimings(Duration.ofMillis(50), Duration.ofSeconds(5));
            try (FtpSession session = new CommonsNetSessionFactory(throttled, frequentKeepAlive).open()) {
                var upload = new LastProgress();
                TransferResult stored = session.store(original, "/slow.bin", RestartPoint.START, upload);
                TransferResult retrieved = session.retrieve("/slow.bin", back, RestartPoint.START, size, TransferListener.NONE);

                assertThat(stored.replyCode()).isEqualTo(226);
                assertThat(upload.confirmed).isEqualTo(new RestartPoint(size, "W" + Long.toHexString(size)));
                assertThat(retrieved.replyCode()).isEqualTo(226);
                assertThat(Files.mismatch(original, back)).isEqualTo(-1);
                assertThat(session.size("/slow.bin")).hasValue(size);
                assertThat(session.isAlive()).isTrue();
                assertThat(server.verbs()).filteredOn("NOOP"::equals).hasSizeGreaterThan(2);
            }
        }
    }

    @Test
    void listsAFolderWhoseListingSpansManyBlocks() throws Exception {
        for (int i = 0; i < 400; i++) {
            Files.write(remote.resolve(String.format("file-%03d.txt", i)), new byte[i]);
        }
        try (var server = server().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            var entries = session.list("/");

            assertThat(entries).hasSize(400);
            assertThat(entries).filteredOn(entry -> entry.name().equals("file-399.txt"))
                    .extracting(RemoteEntry::size).containsExactly(399L);
            DataTransfer listing = server.lastTransfer();
            assertThat(listing.command()).isEqualTo("MLSD");
            assertThat(listing.blockMode()).isTrue();
            // More than one of the server's 10,007-byte blocks.
            assertThat(listing.dataBytes()).isGreaterThan(2 * 10_007);
        }
    }

    @Test
    void everyDataTransferOfTheSessionUsesBlockModeOnceAccepted() throws Exception {
        Path original = TestFiles.random(local.resolve("a.bin"), 100_000, 11);
        try (var server = server().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            // The server's FEAT says nothing of MODE B: the session relies on the 200 alone.
            assertThat(session.features().lines()).noneMatch(line -> line.contains("MODE"));

            session.list("/");
            session.store(original, "/a.bin", RestartPoint.START, TransferListener.NONE);
            session.size("/a.bin");
            session.retrieve("/a.bin", local.resolve("b.bin"), RestartPoint.START, TransferListener.NONE);
            session.rename("/a.bin", "/c.bin");
            session.list("/");

            assertThat(server.transfers()).extracting(DataTransfer::command).containsExactly("MLSD", "STOR", "RETR", "MLSD");
            assertThat(server.transfers()).allMatch(DataTransfer::blockMode);
        }
    }

    @Test
    void resumesFromAByteOffsetWhereTheBlockModeServerAcceptsOne() throws Exception {
        Path original = TestFiles.random(remote.resolve("big.bin"), SIZE, 12);
        Path partial = local.resolve("big.part");
        Files.write(partial, Files.readAllBytes(original), java.nio.file.StandardOpenOption.CREATE);
        try (var channel = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(100_000);
        }
        try (var server = server().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            TransferResult result = session.retrieve("/big.bin", partial, RestartPoint.atOffset(100_000), SIZE,
                    TransferListener.NONE);

            assertThat(result.restartRefused()).isFalse();
            assertThat(result.resumedFrom()).isEqualTo(RestartPoint.atOffset(100_000));
            assertThat(server.lastTransfer()).isEqualTo(
                    new DataTransfer("RETR", "/big.bin", true, 100_000, SIZE - 100_000, true));
            assertThat(Files.mismatch(original, partial)).isEqualTo(-1);
        }
    }

    @Test
    void startsADownloadOverWhenTheServerRefusesAByteOffsetInBlockMode() throws Exception {
        Path original = TestFiles.random(remote.resolve("big.bin"), SIZE, 13);
        Path partial = local.resolve("big.part");
        TestFiles.random(partial, 100_000, 99);
        try (var server = server().refuseByteOffsetRestInBlockMode().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            TransferResult result = session.retrieve("/big.bin", partial, RestartPoint.atOffset(100_000), SIZE,
                    TransferListener.NONE);

            assertThat(result.restartRefused()).isTrue();
            assertThat(result.resumedFrom()).isEqualTo(RestartPoint.START);
            assertThat(result.bytesTransferred()).isEqualTo(SIZE);
            assertThat(server.lastTransfer()).isEqualTo(new DataTransfer("RETR", "/big.bin", true, 0, SIZE, true));
            assertThat(Files.mismatch(original, partial)).isEqualTo(-1);
        }
    }

    @Test
    void startsAnUploadOverWhenTheServerRefusesAByteOffsetInBlockMode() throws Exception {
        Path original = TestFiles.random(local.resolve("big.bin"), SIZE, 14);
        TestFiles.random(remote.resolve("big.bin"), 100_000, 98);
        try (var server = server().refuseByteOffsetRestInBlockMode().start();
             FtpSession session = new CommonsNetSessionFactory(blockMode(server)).open()) {
            TransferResult result = session.store(original, "/big.bin", RestartPoint.atOffset(100_000),
                    TransferListener.NONE);

            assertThat(result.restartRefused()).isTrue();
            assertThat(result.resumedFrom()).isEqualTo(RestartPoint.START);
            assertThat(result.bytesTransferred()).isEqualTo(SIZE);
            assertThat(server.lastTransfer()).isEqualTo(new DataTransfer("STOR", "/big.bin", true, 0, SIZE, true));
            assertThat(Files.mismatch(original, remote.resolve("big.bin"))).isEqualTo(-1);
        }
    }

    /** The listener's last report. */
    static final class LastProgress implements TransferListener {
        volatile long bytes;
        volatile RestartPoint confirmed;

        @Override
        public void progress(long bytesThisAttempt, RestartPoint point) {
            bytes = bytesThisAttempt;
            confirmed = point;
        }
    }
}
