package org.filesync.ftp;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An exception in words an operator can act on: for messages, history rows and the console alike. */
public final class FailureMessages {

    private FailureMessages() {
    }

    /** The failure as "FILE: what went wrong" where the exception names its file, else what went wrong. */
    public static String of(Throwable e) {
        if (e instanceof FileSystemException named && named.getFile() != null) {
            return named.getFile() + (named.getOtherFile() == null ? "" : " -> " + named.getOtherFile()) + ": "
                    + reason(e);
        }
        return reason(e);
    }

    /**
     * What went wrong, without the file: the exception's message, or its class's name where it has
     * none. FileSystemException's own message is the file name alone when the JDK gives no reason
     * (EACCES, ENOENT): that reason is put in words.
     */
    public static String reason(Throwable e) {
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

    /** {@link #of} the innermost cause: where wrappers only repeat their cause's words, the cause's own say most. */
    public static String ofRootCause(Throwable e) {
        return of(rootCause(e));
    }

    /** {@link #of} the failure, then its innermost cause's words where they add something. */
    public static String withRootCause(Throwable e) {
        String message = of(e);
        Throwable root = rootCause(e);
        if (root == e || root.getMessage() == null || message.contains(root.getMessage())) {
            return message;
        }
        return message + ": " + root.getMessage();
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
