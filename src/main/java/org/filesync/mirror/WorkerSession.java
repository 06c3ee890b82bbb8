package org.filesync.mirror;

import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;

/** The one session a transfer thread holds for its whole life, replaced only when its connection is lost. */
public final class WorkerSession implements AutoCloseable {

    private final SessionPool pool;
    private FtpSession session;

    public WorkerSession(SessionPool pool) {
        this.pool = pool;
    }

    public FtpSession get() throws FtpException {
        if (session == null) {
            session = pool.borrow();
        }
        return session;
    }

    /** Whether it holds a session now (one it has not lost). */
    public boolean isConnected() {
        return session != null;
    }

    /** Drops a session whose control connection is gone; the next {@link #get()} opens a new one. */
    public void lost() {
        if (session != null) {
            pool.discard(session);
            session = null;
        }
    }

    /** Drops the session when its control connection did not survive (a transfer abandoned for a local failure). */
    public void dropIfDead() {
        if (session != null && !session.isAlive()) {
            lost();
        }
    }

    @Override
    public void close() {
        if (session != null) {
            pool.release(session);
            session = null;
        }
    }
}
