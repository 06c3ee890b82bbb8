package org.filesync.mirror;

import java.io.IOException;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.FtpException;

/**
 * What the history says about a path that failed: the server's reply code where there was one,
 * and a message naming the side that failed (a local failure says "local:").
 */
public record FailureReason(Integer replyCode, String message) {

    /** @param failure an {@link FtpException}, an {@link IOException} or an {@link UnsafeLocalPathException} */
    public static FailureReason of(Exception failure) {
        if (failure instanceof FtpException ftp) {
            return new FailureReason(ftp.replyCode(), ftp.getMessage());
        }
        if (failure instanceof IOException io) {
            return new FailureReason(null, "local: " + FailureMessages.of(io));
        }
        return new FailureReason(null, FailureMessages.of(failure));
    }
}
