package org.filesync.ftp.block;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data bytes of a block-mode stream as a plain stream, ending (-1) at the EOF block without
 * waiting for the connection to close; restart markers are skipped. For what is read whole and
 * never resumed: LIST, NLST and MLSD output, which RFC 959 sends in the current mode like any
 * other data transfer. Closing this stream does not close the underlying one.
 */
public final class BlockModeInputStream extends InputStream {

    private static final Logger log = LoggerFactory.getLogger(BlockModeInputStream.class);

    private final BlockReader reader;
    private boolean inDataBlock;

    public BlockModeInputStream(InputStream in) {
        this.reader = new BlockReader(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int read = read(one, 0, 1);
        return read < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (inDataBlock) {
                int read = reader.readData(buffer, offset, length);
                if (read > 0) {
                    return read;
                }
                inDataBlock = false;
            }
            if (reader.isEndOfFile()) {
                return -1;
            }
            BlockHeader header = reader.nextHeader();
            if (header.isRestartMarker()) {
                log.debug("restart marker {} skipped in a listing", reader.readMarker());
            } else {
                inDataBlock = true;
            }
        }
    }

    /** Data bytes read so far. */
    public long dataBytes() {
        return reader.dataBytes();
    }
}
