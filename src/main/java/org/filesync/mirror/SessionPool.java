package org.filesync.mirror;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.filesync.ftp.FtpConnectionException;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.FtpSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FTP sessions of one run: opened on demand up to the job's {@code parallel}, handed to one
 * worker at a time, and kept across the run's steps so that no file costs a reconnect. The lock
 * guards the bookkeeping only: NOOP and QUIT go out without it, so one silent server connection
 * holds up the worker that uses it and no other.
 */
public final class SessionPool implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SessionPool.class);

    private final FtpSessionFactory factory;
    private final Deque<FtpSession> idle = new ArrayDeque<>();
    private final List<FtpSession> all = new ArrayList<>();
    private boolean aborted;

    public SessionPool(FtpSessionFactory factory) {
        this.factory = factory;
    }

    /**
     * Runs {@code callback} on a borrowed session and gives the session back: released when the
     * callback returns or fails with the connection intact, discarded when the connection was lost
     * or the callback failed in a way nobody foresaw.
     */
    public <T> T execute(SessionCallback<T> callback) throws FtpException {
        FtpSession session = borrow();
        boolean reusable = false;
        try {
            T result = callback.doInSession(session);
            reusable = true;
            return result;
        } catch (FtpException e) {
            reusable = !e.connectionLost();
            throw e;
        } finally {
            if (reusable) {
                release(session);
            } else {
                discard(session);
            }
        }
    }

    /** {@link #execute(SessionCallback)} for work with no result. */
    public void executeWithoutResult(SessionAction action) throws FtpException {
        execute(session -> {
            action.doInSession(session);
            return null;
        });
    }

    /** An idle live session, or a new one. */
    public FtpSession borrow() throws FtpException {
        FtpSession session;
        while ((session = nextIdle()) != null) {
            if (session.isAlive()) {
                return session;
            }
            discard(session);
        }
        session = factory.open();
        synchronized (this) {
            if (!aborted) {
                all.add(session);
                return session;
            }
        }
        session.close();
        throw new FtpConnectionException("the run is stopping: no new FTP session is opened", null, false);
    }

    /**
     * A session beyond the ones in use, for a segment of a big download: an idle live one, or a
     * new one while the pool holds fewer than {@code limit}; empty when there is none to spare
     * (the limit reached, or the server refusing another connection).
     */
    public Optional<FtpSession> borrowSpare(int limit) {
        FtpSession session;
        while ((session = nextIdle()) != null) {
            if (session.isAlive()) {
                return Optional.of(session);
            }
            discard(session);
        }
        synchronized (this) {
            if (aborted || all.size() >= limit) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(borrow());
        } catch (FtpException e) {
            log.debug("no session to spare for a segment: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private synchronized FtpSession nextIdle() {
        return idle.poll();
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

    /** Whether {@link #abort()} was called: a failure after it is the stop's, not the server's. */
    public synchronized boolean isAborted() {
        return aborted;
    }

    /**
     * Ends every session's work at once, from any thread: data and control connections are
     * closed, so a transfer stalled on a silent server fails now instead of at its idle timeout.
     * For a stop: no session is opened after it.
     */
    public void abort() {
        List<FtpSession> open;
        synchronized (this) {
            aborted = true;
            open = new ArrayList<>(all);
        }
        open.forEach(FtpSession::abort);
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
