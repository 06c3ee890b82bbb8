package org.filesync.ftp;

/**
 * Every failure of the FTP transport: a reply the server gave, or a connection that could not
 * be made or was lost. The message names host and port for connection failures and carries
 * the server's reply text for reply failures, so it can go into the history as it is.
 */
public abstract sealed class FtpException extends Exception permits FtpReplyException, FtpConnectionException,
        UnsafePathException {

    protected FtpException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether trying again (reconnecting first when {@link #connectionLost()}) can succeed. */
    public abstract boolean isTransient();

    /** True when the control connection can no longer be used: the caller must open a new session. */
    public abstract boolean connectionLost();

    /** The reply code behind this failure, or null for a socket-level failure. */
    public abstract Integer replyCode();

    /** Whether the server refused a session because it already has as many as it allows from this client. */
    public boolean isConnectionLimit() {
        return false;
    }
}
