package org.filesync.ftp.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.filesync.ftp.RestartPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlockModeRetrievalTest {

    @TempDir
    Path dir;

    private final List<Integer> blocks = new ArrayList<>();
    private final BlockModeRetrieval retrieval = new BlockModeRetrieval(new BlockStreamListener() {
        @Override
        public void data(int bytes, long dataBytes) {
            blocks.add(bytes);
        }
    });

    @Test
    void appendsFromTheResumeOffsetAndConfirmsTheLastMarkerAsAnAbsoluteOffset() throws IOException {
        byte[] file = BlockModeRoundTripTest.randomBytes(300, 1);
        Path local = dir.resolve("part");
        Files.write(local, Arrays.copyOf(file, 100));
        byte[] wire = new RawBlocks().data(Arrays.copyOfRange(file, 100, 150)).marker("S96")
                .data(Arrays.copyOfRange(file, 150, 300)).eof().toBytes();

        BlockTransfer done;
        try (FileChannel channel = FileChannel.open(local, StandardOpenOption.WRITE)) {
            channel.position(100);
            done = retrieval.retrieve(new ByteArrayInputStream(wire), channel, new RestartPoint(100, "S64"));
        }

        assertThat(Files.readAllBytes(local)).isEqualTo(file);
        assertThat(done).isEqualTo(new BlockTransfer(200, new RestartPoint(150, "S96")));
        assertThat(blocks).as("data blocks passed on").containsExactly(50, 150);
    }

    @Test
    void remembersTheLastMarkerWhenTheStreamBreaks() throws IOException {
        Path local = dir.resolve("part");
        byte[] wire = new RawBlocks().data(new byte[10]).marker("M10").data(new byte[10]).marker("M20").data(new byte[5]).toBytes();

        try (FileChannel channel = FileChannel.open(local, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> retrieval.retrieve(new ByteArrayInputStream(wire), channel, RestartPoint.START))
                    .isInstanceOf(BrokenBlockStreamException.class)
                    .hasMessageContaining("after 25 data bytes")
                    .hasMessageContaining("resumable from byte 20 (marker M20)")
                    .extracting(e -> ((BlockStreamException) e).dataBytes()).isEqualTo(25L);
        }

        assertThat(retrieval.confirmed()).isEqualTo(new RestartPoint(20, "M20"));
    }

    @Test
    void refusesAFileNotPositionedAtTheResumeOffset() throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve("part"), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            assertThatThrownBy(() -> retrieval.retrieve(new ByteArrayInputStream(new byte[0]), channel, new RestartPoint(5, "x")))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
