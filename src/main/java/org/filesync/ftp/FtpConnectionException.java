package org.filesync.ftp;

/**
 * A connection that could not be made, was refused, timed out, failed its TLS handshake or was
 * lost. Transient unless {@code permanent} (an unknown host, an untrusted certificate).
 */
public final class FtpConnectionException extends FtpException {

    private final boolean permanent;

    public FtpConnectionException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    @Override
    public boolean isTransient() {
        return !permanent;
    }

    @Override
    public boolean connectionLost() {
        return true;
    }

    @Override
    public Integer replyCode() {
        return null;
    }
}
