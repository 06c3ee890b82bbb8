package org.filesync.ftp.block;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class BlockModeRoundTripTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 131_071})
    void roundTripsFilesAroundTheBlockSizeLimit(int size) throws IOException {
        byte[] file = randomBytes(size, size);

        byte[] wire = encode(file, 0, 0, BlockStreamListener.NONE);
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        DecodedStream result = new BlockModeDecoder(new ByteArrayInputStream(wire)).decode(decoded, BlockStreamListener.NONE);

        assertThat(decoded.size()).isEqualTo(size);
        assertThat(Arrays.mismatch(decoded.toByteArray(), file)).as("first differing byte").isEqualTo(-1);
        assertThat(result.dataBytes()).isEqualTo(size);
        assertThat(result.markers()).isZero();
    }

    @Test
    void neverWritesABlockLongerThan65535Bytes() throws IOException {
        byte[] wire = encode(randomBytes(200_000, 7), 0, 0, BlockStreamListener.NONE);

        int position = 0;
        int blocks = 0;
        while (position < wire.length) {
            BlockHeader header = BlockHeader.decode(wire, position);
            assertThat(header.count()).isLessThanOrEqualTo(BlockHeader.MAX_COUNT);
            position += BlockHeader.LENGTH + header.count();
            blocks++;
        }
        assertThat(position).isEqualTo(wire.length);
        assertThat(blocks).as("three full data blocks, one partial, and the EOF block").isEqualTo(5);
    }

    @Test
    void roundTripsMegabytesWithAMarkerEveryIntervalNamedByAbsoluteOffset() throws IOException {
        int size = 5 * 1024 * 1024 + 12_345;
        long interval = 1024 * 1024;
        long startOffset = 7_000;
        byte[] file = randomBytes(size, 42);

        RecordingListener sent = new RecordingListener();
        byte[] wire = encode(file, startOffset, interval, sent);
        RecordingListener received = new RecordingListener();
        ByteArrayOutputStream decoded = new ByteArrayOutputStream();
        DecodedStream result = new BlockModeDecoder(new ByteArrayInputStream(wire)).decode(decoded, received);

        assertThat(decoded.size()).isEqualTo(size);
        assertThat(Arrays.mismatch(decoded.toByteArray(), file)).as("first differing byte").isEqualTo(-1);
        assertThat(result.markers()).isEqualTo(5);
        assertThat(received.markers).isEqualTo(sent.markers);
        for (int i = 0; i < 5; i++) {
            long before = (i + 1) * interval;
            assertThat(received.markers.get(i)).isEqualTo(new RecordingListener.Seen(Long.toString(startOffset + before), before));
        }
    }

    @Test
    void endsWithAnEmptyEofBlock() throws IOException {
        byte[] wire = encode(new byte[] {1, 2, 3}, 0, 0, BlockStreamListener.NONE);

        assertThat(BlockHeader.decode(wire, wire.length - 3)).isEqualTo(new BlockHeader(BlockHeader.END_OF_FILE, 0));
    }

    private static byte[] encode(byte[] file, long startOffset, long interval, BlockStreamListener listener) throws IOException {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        new BlockModeEncoder(wire).copy(Channels.newChannel(new ByteArrayInputStream(file)), startOffset, interval, listener);
        return wire.toByteArray();
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
