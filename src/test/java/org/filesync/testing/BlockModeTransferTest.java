package org.filesync.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.filesync.ftp.RestartPoint;
import org.filesync.ftp.block.BrokenBlockStreamException;
import org.filesync.testing.BlockModeFtpServer.EndOfFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** filesync's block-mode classes against {@link BlockModeFtpServer} over real sockets, as a session drives them. */
// A hang guard, not a speed check: a client waiting for the server to close the data connection would block here.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BlockModeTransferTest {

    private static final int SIZE = 1_000_003;
    private static final long SERVER_MARKERS = 64 * 1024;
    private static final long CLIENT_MARKERS = 100_000;

    @TempDir
    Path remote;
    @TempDir
    Path local;

    private final byte[] content = randomBytes(SIZE);

    @ParameterizedTest
    @EnumSource(EndOfFile.class)
    void downloadsAWholeFileWhereverTheServerPutsTheEofBit(EndOfFile style) throws IOException {
        Files.write(remote.resolve("big.bin"), content);
        try (var server = BlockModeFtpServer.serving(remote).endOfFile(style).start();
             var client = BlockModeTestClient.connect(server)) {
            assertThat(client.enterBlockMode()).isEqualTo(200);

            var attempt = client.retrieve("big.bin", local.resolve("big.bin"), RestartPoint.START);

            assertThat(attempt.complete()).as("%s", attempt).isTrue();
            assertThat(attempt.replyCode()).isEqualTo(226);
            assertThat(attempt.bytesTransferred()).isEqualTo(SIZE);
            assertSameContent(local.resolve("big.bin"));
        }
    }

    @Test
    void resumesACutDownloadFromTheServersLastMarkerAndFetchesOnlyTheRest() throws IOException {
        Files.write(remote.resolve("big.bin"), content);
        Path target = local.resolve("big.bin.part");
        try (var server = BlockModeFtpServer.serving(remote).markerInterval(SERVER_MARKERS).start();
             var client = BlockModeTestClient.connect(server)) {
            client.enterBlockMode();
            server.cutNextTransferAfter(300_000);

            var cut = client.retrieve("big.bin", target, RestartPoint.START);

            assertThat(cut.complete()).isFalse();
            assertThat(cut.replyCode()).isEqualTo(426);
            assertThat(cut.failure()).isInstanceOf(BrokenBlockStreamException.class);
            long lastMarker = 4 * SERVER_MARKERS;
            assertThat(cut.confirmed()).isEqualTo(new RestartPoint(lastMarker, "S" + Long.toHexString(lastMarker)));

            var resumed = client.retrieve("big.bin", target, cut.confirmed());

            assertThat(resumed.complete()).as("%s", resumed).isTrue();
            assertSameContent(target);
            assertThat(server.lastTransfer().startOffset()).isEqualTo(lastMarker);
            assertThat(server.lastTransfer().dataBytes()).isEqualTo(SIZE - lastMarker);
            assertThat(resumed.bytesTransferred()).isEqualTo(SIZE - lastMarker);
        }
    }

    @Test
    void resumesACutUploadFromTheLastMarkReplyAndSendsOnlyTheRest() throws IOException {
        Path source = Files.write(local.resolve("up.bin"), content);
        try (var server = BlockModeFtpServer.serving(remote).start();
             var client = BlockModeTestClient.connect(server)) {
            client.enterBlockMode();
            server.cutNextTransferAfter(350_000);

            var cut = client.store(source, "up.bin.part", RestartPoint.START, CLIENT_MARKERS);

            assertThat(cut.complete()).isFalse();
            assertThat(cut.replyCode()).isEqualTo(426);
            assertThat(cut.confirmed()).isEqualTo(new RestartPoint(300_000, "W" + Long.toHexString(300_000)));

            var resumed = client.store(source, "up.bin.part", cut.confirmed(), CLIENT_MARKERS);

            assertThat(resumed.complete()).as("%s", resumed).isTrue();
            assertSameContent(remote.resolve("up.bin.part"));
            assertThat(server.lastTransfer().startOffset()).isEqualTo(300_000);
            assertThat(server.lastTransfer().dataBytes()).isEqualTo(SIZE - 300_000);
            assertThat(resumed.bytesTransferred()).isEqualTo(SIZE - 300_000);
        }
    }

    @Test
    void readsEveryMarkReplyThatArrivesBeforeTheFinalReply() throws IOException {
        Path source = Files.write(local.resolve("up.bin"), content);
        try (var server = BlockModeFtpServer.serving(remote).start();
             var client = BlockModeTestClient.connect(server)) {
            client.enterBlockMode();

            var attempt = client.store(source, "up.bin", RestartPoint.START, CLIENT_MARKERS);

            assertThat(attempt.replyCode()).isEqualTo(226);
            assertThat(attempt.markReplies()).hasSize(SIZE / (int) CLIENT_MARKERS)
                    .startsWith("110 MARK 100000 = W186a0", "110 MARK 200000 = W30d40");
            assertThat(attempt.confirmed()).isEqualTo(new RestartPoint(1_000_000, "Wf4240"));
            assertSameContent(remote.resolve("up.bin"));
        }
    }

    @Test
    void completesDownloadWhenTheServerKeepsTheDataConnectionOpenAfterEof() throws IOException {
        Files.write(remote.resolve("big.bin"), content);
        try (var server = BlockModeFtpServer.serving(remote).keepDataConnectionOpen().start();
             var client = BlockModeTestClient.connect(server)) {
            client.enterBlockMode();

            var attempt = client.retrieve("big.bin", local.resolve("big.bin"), RestartPoint.START);

            assertThat(attempt.complete()).as("%s", attempt).isTrue();
            assertThat(attempt.replyCode()).isEqualTo(250);
            assertSameContent(local.resolve("big.bin"));
            assertThat(client.ftp().sendNoOp()).as("the control connection is still usable").isTrue();
        }
    }

    @Test
    void completesUploadWhenTheServerKeepsTheDataConnectionOpenAfterEof() throws IOException {
        Path source = Files.write(local.resolve("up.bin"), content);
        try (var server = BlockModeFtpServer.serving(remote).keepDataConnectionOpen().start();
             var client = BlockModeTestClient.connect(server)) {
            client.enterBlockMode();

            var attempt = client.store(source, "up.bin", RestartPoint.START, CLIENT_MARKERS);

            assertThat(attempt.complete()).as("%s", attempt).isTrue();
            assertThat(attempt.replyCode()).isEqualTo(250);
            assertSameContent(remote.resolve("up.bin"));
        }
    }

    @Test
    void restartsACutDownloadFromZeroWhenNoMarkerArrivedYet() throws IOException {
        Files.write(remote.resolve("big.bin"), content);
        Path target = local.resolve("big.bin.part");
        try (var server = BlockModeFtpServer.serving(remote).markerInterval(SERVER_MARKERS).start();
             var client = BlockModeTestClient.connect(server)) {
            client.enterBlockMode();
            server.cutNextTransferAfter(1_000);

            var cut = client.retrieve("big.bin", target, RestartPoint.START);
            var again = client.retrieve("big.bin", target, cut.confirmed());

            assertThat(cut.confirmed()).isEqualTo(RestartPoint.START);
            assertThat(again.complete()).isTrue();
            assertThat(server.lastTransfer().startOffset()).isZero();
            assertSameContent(target);
        }
    }

    @Test
    void listsAFolderWhoseListingArrivesAsBlocks() throws IOException {
        Files.write(remote.resolve("a.bin"), new byte[3]);
        Files.createDirectory(remote.resolve("sub"));
        try (var server = BlockModeFtpServer.serving(remote).blockSize(16).start();
             var client = BlockModeTestClient.connect(server)) {
            client.enterBlockMode();

            String listing = client.listing("MLSD", "/");

            assertThat(listing.lines()).hasSize(2).anyMatch(line -> line.startsWith("type=file;size=3;") && line.endsWith("; a.bin"))
                    .anyMatch(line -> line.startsWith("type=dir;") && line.endsWith("; sub"));
            assertThat(server.lastTransfer().blockMode()).isTrue();
        }
    }

    @Test
    void seesMode504FromAServerWithoutBlockMode() throws IOException {
        Files.write(remote.resolve("big.bin"), content);
        try (var server = BlockModeFtpServer.serving(remote).refuseBlockMode().start();
             var client = BlockModeTestClient.connect(server)) {

            assertThat(client.enterBlockMode()).isEqualTo(504);
            assertThat(client.listing("NLST", "/")).isEqualTo("big.bin\r\n");
            assertThat(server.lastTransfer().blockMode()).as("the session stays in stream mode").isFalse();
        }
    }

    private void assertSameContent(Path file) throws IOException {
        byte[] actual = Files.readAllBytes(file);
        assertThat(actual.length).as("size of %s", file.getFileName()).isEqualTo(content.length);
        assertThat(Arrays.mismatch(actual, content)).as("first byte of %s that differs", file.getFileName()).isEqualTo(-1);
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(20_261_124).nextBytes(bytes);
        return bytes;
    }
}
