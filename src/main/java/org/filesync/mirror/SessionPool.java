package org.filesync.mirror;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.FtpSessionFactory;

/**
 * The FTP sessions of one run: opened on demand up to the job's {@code parallel}, handed to one
 * worker at a time, and kept across the run's steps so that no file costs a reconnect.
 */
public final class SessionPool implements AutoCloseable {

    private final FtpSessionFactory factory;
    private final Deque<FtpSession> idle = new ArrayDeque<>();
    private final List<FtpSession> all = new ArrayList<>();

    public SessionPool(FtpSessionFactory factory) {
        this.factory = factory;
    }

    /** An idle live session, or a new one. */
    public FtpSession borrow() throws FtpException {
        synchronized (this) {
            while (!idle.isEmpty()) {
                FtpSession session = idle.pop();
                if (session.isAlive()) {
                    return session;
                }
                discard(session);
            }
        }
        FtpSession session = factory.open();
        synchronized (this) {
            all.add(session);
        }
        return session;
    }

    public synchronized void release(FtpSession session) {
        if (all.contains(session)) {
            idle.push(session);
        }
    }

    /** Closes a session that failed and forgets it. */
    public void discard(FtpSession session) {
        synchronized (this) {
            all.remove(session);
            idle.remove(session);
        }
        session.close();
    }

    @Override
    public void close() {
        List<FtpSession> open;
        synchronized (this) {
            open = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        open.forEach(FtpSession::close);
    }
}
