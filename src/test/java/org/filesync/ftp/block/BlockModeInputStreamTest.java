package org.filesync.ftp.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlockModeInputStreamTest {

    @Test
    void yieldsListingTextWithoutHeadersOrMarkersAndEndsAtEof() throws IOException {
        byte[] wire = new RawBlocks()
                .data(bytes("type=file;size=3; a.txt\r\n"))
                .marker("S19")
                .data(new byte[0])
                .block(BlockHeader.END_OF_FILE, bytes("type=dir; sub\r\n"))
                .raw(bytes("unread"))
                .toBytes();
        ByteArrayInputStream in = new ByteArrayInputStream(wire);

        String listing = new String(new BlockModeInputStream(in).readAllBytes(), StandardCharsets.US_ASCII);

        assertThat(listing).isEqualTo("type=file;size=3; a.txt\r\ntype=dir; sub\r\n");
        assertThat(in.available()).as("nothing read past the EOF block").isEqualTo(6);
    }

    @Test
    void failsWhenTheListingEndsWithoutEof() {
        byte[] wire = new RawBlocks().data(bytes("partial")).toBytes();

        assertThatThrownBy(() -> new BlockModeInputStream(new ByteArrayInputStream(wire)).readAllBytes())
                .isInstanceOf(BrokenBlockStreamException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
