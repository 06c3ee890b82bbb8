package org.filesync.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;

/**
 * How file bytes travel over an open data connection: the seam between the session (commands,
 * replies, resume) and the transmission mode (RFC 959 §3.4). Stream mode is the bytes themselves,
 * ended by closing the connection; block mode wraps them in headed blocks with restart markers.
 */
interface DataTransfer {

    /** The MODE argument: "S" or "B". */
    String modeCode();

    /**
     * Copies the file from {@code data} into {@code target} at its position until the end of the
     * file, reporting each chunk to {@code progress}; returns the bytes written.
     */
    long receive(Socket data, FileChannel target, TransferProgress progress) throws IOException;

    /** Copies {@code source} from its position to its end into {@code data}, then ends the file; returns the bytes sent. */
    long send(FileChannel source, Socket data, TransferProgress progress) throws IOException;

    /** The listing's bytes (LIST, MLSD) as a plain stream. */
    InputStream listing(Socket data) throws IOException;
}
