package org.filesync.ftp;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The local side of a transfer failed: the partial file of a download could not be created or
 * written (disk full, permission denied, read-only file system, an I/O error), or the source of an
 * upload could not be read. Not an {@link FtpException}: the server and the connection are fine, so
 * it is neither transient nor a lost connection, and trying again over the network cannot help.
 * The message names the local file.
 */
public final class LocalFileException extends IOException {

    public LocalFileException(Path file, IOException cause) {
        super(cause instanceof FileSystemException named && named.getFile() != null ? FailureMessages.of(cause)
                : file + ": " + FailureMessages.reason(cause), cause);
    }
}
