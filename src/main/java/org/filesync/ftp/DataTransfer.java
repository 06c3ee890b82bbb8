package org.filesync.ftp;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.channels.FileChannel;

/**
 * How file bytes travel over an open data connection: the seam between the session (commands,
 * replies, resume) and the transmission mode (RFC 959 §3.4). Stream mode is the bytes themselves,
 * ended by closing the connection, and restarts at byte offsets; block mode wraps them in headed
 * blocks with restart markers, and restarts at the markers.
 */
interface DataTransfer {

    /** What REST sends to continue at {@code from}, or null to start from the beginning. */
    String restartArgument(RestartPoint from);

    /** Where an attempt starts once the server has accepted {@link #restartArgument(RestartPoint) REST} for {@code from}. */
    RestartPoint restartedAt(RestartPoint from);

    /** What replaces STOR when the server refuses REST: APPE where the file's length is the position, else STOR from 0. */
    String storeCommandIfRestartRefused();

    /**
     * Copies the file from {@code data} into {@code target} at its position until the end of the
     * file, reporting to {@code progress}; returns the bytes written.
     *
     * @param start where this attempt starts; {@code target} is positioned at its offset
     */
    long receive(Socket data, FileChannel target, RestartPoint start, TransferProgress progress) throws IOException;

    /**
     * Copies {@code source} from its position to its end into {@code data}, then ends the file;
     * returns the bytes sent.
     *
     * @param start where this attempt starts; {@code source} is positioned at its offset
     */
    long send(FileChannel source, Socket data, RestartPoint start, TransferProgress progress) throws IOException;

    /** The listing's bytes (LIST, MLSD) as a plain stream. */
    InputStream listing(Socket data) throws IOException;
}
