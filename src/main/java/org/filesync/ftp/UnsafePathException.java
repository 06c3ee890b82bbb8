package org.filesync.ftp;

/**
 * A command was not sent because its argument holds CR, LF or NUL: sent as it is, the rest of the
 * argument would reach the server as a second command (command injection through a file name).
 * Permanent: the same name fails the same way every time. The connection stays usable.
 */
public final class UnsafePathException extends FtpException {

    public UnsafePathException(String command, String argument) {
        super("refusing to send " + command + ": its argument contains CR, LF or NUL"
                + (ControlChannel.isSecret(command) ? "" : ": "
                + argument.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0")), null);
    }

    @Override
    public boolean isTransient() {
        return false;
    }

    @Override
    public boolean connectionLost() {
        return false;
    }

    @Override
    public Integer replyCode() {
        return null;
    }
}
