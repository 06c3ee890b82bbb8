package org.filesync.ftp;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
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
        super(cause instanceof FileSystemException named && named.getFile() != null ? describe(cause)
                : file + ": " + reason(cause), cause);
    }

    /** The failure as "FILE: what went wrong" where the exception names its file, else what went wrong. */
    public static String describe(IOException e) {
        if (e instanceof LocalFileException) {
            return e.getMessage();
        }
        if (e instanceof FileSystemException named && named.getFile() != null) {
            return named.getFile() + (named.getOtherFile() == null ? "" : " -> " + named.getOtherFile()) + ": "
                    + reason(e);
        }
        return reason(e);
    }

    /** FileSystemException's own message is the file name alone when the JDK gives no reason (EACCES, ENOENT). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException named && named.getReason() != null) {
            return named.getReason();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a folder";
        }
        return e.getMessage() == null || e instanceof FileSystemException ? e.getClass().getSimpleName() : e.getMessage();
    }
}
