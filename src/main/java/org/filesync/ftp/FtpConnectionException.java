package org.filesync.ftp;

/**
 * A connection that could not be made, was refused, timed out, failed its TLS handshake or was
 * lost. Transient unless {@code permanent} (an unknown host, an untrusted certificate). Usually the
 * control connection is gone with it; a broken data connection whose control connection survived
 * is reported with {@code controlLost = false}, so the caller may retry on the same session.
 */
public final class FtpConnectionException extends FtpException {

    private final boolean permanent;
    private final boolean controlLost;

    public FtpConnectionException(String message, Throwable cause, boolean permanent) {
        this(message, cause, permanent, true);
    }

    public FtpConnectionException(String message, Throwable cause, boolean permanent, boolean controlLost) {
        super(message, cause);
        this.permanent = permanent;
        this.controlLost = controlLost;
    }

    @Override
    public boolean isTransient() {
        return !permanent;
    }

    @Override
    public boolean connectionLost() {
        return controlLost;
    }

    @Override
    public Integer replyCode() {
        return null;
    }
}
