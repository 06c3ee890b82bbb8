package org.filesync.ftp.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.filesync.ftp.RestartPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockModeStorageTest {

    @TempDir
    Path dir;

    @Test
    void sendsTheRestOfTheFileWithDecimalOffsetMarkersTheTrackerCanResolve() throws IOException {
        byte[] file = BlockModeRoundTripTest.randomBytes(10_000, 3);
        Path local = Files.write(dir.resolve("upload"), file);
        RestartPoint from = new RestartPoint(2_500, "W9c4");
        MarkReplyTracker tracker = new MarkReplyTracker(from);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();

        BlockTransfer sent;
        try (FileChannel channel = FileChannel.open(local)) {
            channel.position(from.offset());
            sent = new BlockModeStorage(3_000, BlockStreamListener.NONE).store(channel, from, wire, tracker);
        }
        RecordingListener markers = new RecordingListener();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        new BlockModeDecoder(new ByteArrayInputStream(wire.toByteArray())).decode(received, markers);
        tracker.accept("110 MARK " + markers.markers.get(1).marker() + " = Wea6");

        assertThat(sent.bytesTransferred()).isEqualTo(7_500);
        assertThat(received.toByteArray()).isEqualTo(Arrays.copyOfRange(file, 2_500, 10_000));
        assertThat(markers.markers).extracting(RecordingListener.Seen::marker).containsExactly("5500", "8500");
        assertThat(tracker.confirmed()).isEqualTo(new RestartPoint(8_500, "Wea6"));
    }
}
