package org.filesync.ftp.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BlockModeDecoderTest {

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final RecordingListener listener = new RecordingListener();

    @Test
    void endsAtTheEofBitOnTheLastDataBlock() throws IOException {
        byte[] wire = new RawBlocks().data(text("abc")).block(BlockHeader.END_OF_FILE, text("def")).toBytes();

        assertThat(decode(wire).dataBytes()).isEqualTo(6);
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("abcdef");
    }

    @Test
    void endsAtASeparateEmptyEofBlock() throws IOException {
        byte[] wire = new RawBlocks().data(text("abc")).eof().toBytes();

        assertThat(decode(wire).dataBytes()).isEqualTo(3);
        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void acceptsZeroLengthDataBlocks() throws IOException {
        byte[] wire = new RawBlocks().data(new byte[0]).data(text("ab")).data(new byte[0]).data(text("c")).eof().toBytes();

        decode(wire);

        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("abc");
    }

    @Test
    void treatsMarkerBytesAsAMarkerNotData() throws IOException {
        byte[] wire = new RawBlocks().data(text("abcd")).marker("S4").data(text("ef")).eof().toBytes();

        DecodedStream result = decode(wire);

        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("abcdef");
        assertThat(result.markers()).isEqualTo(1);
        assertThat(listener.markers).containsExactly(new RecordingListener.Seen("S4", 4));
    }

    @Test
    void endsAtAMarkerBlockThatAlsoCarriesEof() throws IOException {
        byte[] wire = new RawBlocks().data(text("abcd"))
                .block(BlockHeader.RESTART_MARKER | BlockHeader.END_OF_FILE, text("end-4")).toBytes();

        DecodedStream result = decode(wire);

        assertThat(result.dataBytes()).isEqualTo(4);
        assertThat(listener.markers).containsExactly(new RecordingListener.Seen("end-4", 4));
    }

    @Test
    void deliversSuspectDataAsDataAndCountsIt() throws IOException {
        byte[] wire = new RawBlocks().data(text("ok")).block(BlockHeader.SUSPECT, text("tape?")).eof().toBytes();

        DecodedStream result = decode(wire);

        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("oktape?");
        assertThat(result.suspectBytes()).isEqualTo(5);
    }

    @Test
    void deliversEndOfRecordBlocksAsData() throws IOException {
        byte[] wire = new RawBlocks().block(BlockHeader.END_OF_RECORD, text("rec1"))
                .block(BlockHeader.END_OF_RECORD | BlockHeader.END_OF_FILE, text("rec2")).toBytes();

        decode(wire);

        assertThat(sink.toString(StandardCharsets.US_ASCII)).isEqualTo("rec1rec2");
    }

    @Test
    void readsNothingAfterTheEofBlock() throws IOException {
        byte[] wire = new RawBlocks().data(text("abc")).eof().raw(text("next transfer")).toBytes();
        ByteArrayInputStream in = new ByteArrayInputStream(wire);

        new BlockModeDecoder(in).decode(sink, listener);

        assertThat(in.available()).isEqualTo("next transfer".length());
    }

    @Test
    void reportsAStreamThatEndsWithoutEofAsBrokenWithTheBytesThatArrived() {
        byte[] wire = new RawBlocks().data(text("abcdefgh")).marker("S8").data(text("ij")).toBytes();

        assertThatThrownBy(() -> decode(wire))
                .isInstanceOf(BrokenBlockStreamException.class)
                .hasMessageContaining("before the EOF block after 10 data bytes")
                .satisfies(e -> assertThat(((BrokenBlockStreamException) e).dataBytes()).isEqualTo(10));
        assertThat(sink.toString(StandardCharsets.US_ASCII)).as("what arrived is kept").isEqualTo("abcdefghij");
    }

    @Test
    void reportsAStreamCutInsideABlockAsBroken() {
        byte[] wire = new RawBlocks().data(text("abc")).header(0, 100).raw(text("only ten..")).toBytes();

        assertThatThrownBy(() -> decode(wire))
                .isInstanceOf(BrokenBlockStreamException.class)
                .hasMessageContaining("after 13 data bytes (90 of a 100-byte block missing)");
        assertThat(sink.size()).isEqualTo(13);
    }

    @Test
    void reportsAStreamCutInsideAHeaderAsBroken() {
        byte[] wire = new RawBlocks().data(text("abc")).raw(new byte[] {0, 1}).toBytes();

        assertThatThrownBy(() -> decode(wire))
                .isInstanceOf(BrokenBlockStreamException.class)
                .hasMessageContaining("inside a block header");
    }

    @Test
    void reportsAnEmptyStreamAsBroken() {
        assertThatThrownBy(() -> decode(new byte[0]))
                .isInstanceOf(BrokenBlockStreamException.class)
                .hasMessageContaining("after 0 data bytes");
    }

    @Test
    void reportsAGarbageCountLargerThanTheRestOfTheStreamAsBroken() {
        byte[] wire = new RawBlocks().header(0, 0xFFFF).raw(text("short")).toBytes();

        assertThatThrownBy(() -> decode(wire))
                .isInstanceOf(BrokenBlockStreamException.class)
                .hasMessageContaining("65530 of a 65535-byte block missing");
    }

    @Test
    void rejectsDescriptorsWithUnassignedBitsAsNotBlockMode() {
        byte[] streamModeText = text("Hello, this is a stream-mode file");

        assertThatThrownBy(() -> decode(streamModeText))
                .isInstanceOf(MalformedBlockStreamException.class)
                .hasMessageContaining("0x48");
    }

    @Test
    void rejectsMarkersThatAreNotPrintableText() {
        byte[] wire = new RawBlocks().data(text("ab")).marker("has space").eof().toBytes();

        assertThatThrownBy(() -> decode(wire))
                .isInstanceOf(MalformedBlockStreamException.class)
                .hasMessageContaining("0x20");
    }

    @Test
    void ignoresAnEmptyMarkerBlockBecauseRestCannotNameIt() throws IOException {
        byte[] wire = new RawBlocks().data(text("ab")).header(BlockHeader.RESTART_MARKER, 0).eof().toBytes();

        assertThat(decode(wire).markers()).isZero();
        assertThat(listener.markers).isEmpty();
    }

    @Test
    void reportsThePartOfABlockThatArrivedBeforeTheStreamBroke() {
        byte[] wire = new RawBlocks().data(text("first")).header(0, 100).raw(new byte[40]).toBytes();
        long[] reported = {0};
        BlockStreamListener counting = new BlockStreamListener() {
            @Override
            public void data(int bytes, long dataBytes) {
                reported[0] += bytes;
            }
        };

        assertThatThrownBy(() -> new BlockModeDecoder(new ByteArrayInputStream(wire)).decode(sink, counting))
                .isInstanceOf(BrokenBlockStreamException.class);
        assertThat(reported[0]).isEqualTo(45);
        assertThat(sink.size()).isEqualTo(45);
    }

    private DecodedStream decode(byte[] wire) throws IOException {
        return new BlockModeDecoder(new ByteArrayInputStream(wire)).decode(sink, listener);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
