package org.filesync.mirror;

import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;

/** Work with no result done on one borrowed session: see {@link SessionPool#executeWithoutResult(SessionAction)}. */
@FunctionalInterface
public interface SessionAction {

    void doInSession(FtpSession session) throws FtpException;
}
