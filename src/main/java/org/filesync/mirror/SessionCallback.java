package org.filesync.mirror;

import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;

/** Work done on one borrowed session: see {@link SessionPool#execute(SessionCallback)}. */
@FunctionalInterface
public interface SessionCallback<T> {

    T doInSession(FtpSession session) throws FtpException;
}
