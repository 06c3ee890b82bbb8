package org.filesync.ftp.block;

import java.io.IOException;
import java.nio.channels.FileChannel;
import org.filesync.ftp.RestartPoint;

/**
 * How one block-mode RETR or STOR attempt went on the data connection.
 *
 * @param bytesTransferred data bytes of the file moved by this attempt (headers and markers not counted)
 * @param confirmed the furthest point a later attempt may restart from: the last marker seen (RETR)
 *        or confirmed by a 110 reply so far (STOR), else the point this attempt started at
 */
public record BlockTransfer(long bytesTransferred, RestartPoint confirmed) {

    /** The local file must stand where the transfer resumes: a mismatch is a bug of the caller's. */
    static void requireAt(FileChannel file, RestartPoint from) throws IOException {
        if (file.position() != from.offset()) {
            throw new IllegalArgumentException("local file is at byte " + file.position() + " but the transfer resumes at "
                    + from.offset());
        }
    }
}
