package org.filesync.mirror;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.filesync.ftp.FtpConnectionException;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.FtpSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FTP sessions of one run: opened on demand up to the job's {@code parallel}, handed to one
 * worker at a time, and kept across the run's steps so that no file costs a reconnect. The cap
 * counts every control connection the run holds (workers', segments', those logging in and those
 * still closing), so a run never holds more than {@code parallel} at once. The lock guards the
 * bookkeeping only: NOOP and QUIT go out without it, so one silent server connection holds up the
 * worker that uses it and no other.
 */
public final class SessionPool implements AutoCloseable {

    /** How long a server's connection limit holds before one more session is tried. */
    static final Duration LIMIT_PROBE_INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(SessionPool.class);

    private final FtpSessionFactory factory;
    private final Deque<FtpSession> idle = new ArrayDeque<>();
    private final List<FtpSession> all = new ArrayList<>();
    private final int capacity;
    private final ConnectionLimit limit;
    private int opening;
    private int closing;
    private boolean aborted;

    /** @param capacity the most control connections the run may hold at once: the job's {@code parallel} */
    public SessionPool(FtpSessionFactory factory, int capacity) {
        this(factory, capacity, LIMIT_PROBE_INTERVAL);
    }

    SessionPool(FtpSessionFactory factory, int capacity, Duration limitProbeInterval) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a session pool holds at least one session, not " + capacity);
        }
        this.factory = factory;
        this.capacity = capacity;
        this.limit = new ConnectionLimit(limitProbeInterval, System::nanoTime);
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

    /**
     * An idle live session, or a new one below the pool's capacity. At the capacity (a segment
     * holds a session a worker had), or where the server limits connections (until the limit's
     * next probe), a refusal is thrown without asking the server, and the caller waits for a
     * session another worker gives back, as after the server's own refusal.
     */
    public FtpSession borrow() throws FtpException {
        FtpSession session = nextLiveIdle();
        if (session == null) {
            session = open();
        }
        if (session == null) {
            throw new FtpConnectionException("all " + capacity
                    + " sessions of the job (parallel) are in use: waiting for one to come free", null, false);
        }
        return session;
    }

    private FtpSession nextLiveIdle() {
        FtpSession session;
        while ((session = nextIdle()) != null) {
            if (session.isAlive()) {
                return session;
            }
            discard(session);
        }
        return null;
    }

    /**
     * A new session, unless the pool already holds its capacity (those still logging in or closing
     * counted): then null. Counting and reserving under one lock keeps two callers from both taking
     * the last place.
     */
    private FtpSession open() throws FtpException {
        FtpSession session;
        synchronized (this) {
            int held = all.size() + opening + closing;
            if (held >= capacity) {
                return null;
            }
            if (!limit.mayOpen(held)) {
                throw new FtpConnectionException("server limited connections to " + limit.current()
                        + ": waiting for a session to come free", null, false);
            }
            opening++;
        }
        try {
            session = factory.open();
        } catch (FtpException | RuntimeException e) {
            synchronized (this) {
                opening--;
                // vsftpd and pure-ftpd count a connection from its accept: those still logging in are held too.
                int held = all.size() + opening + closing;
                if (e instanceof FtpException refusal && refusal.isConnectionLimit() && held > 0) {
                    limit.refused(held);
                }
            }
            throw e;
        }
        synchronized (this) {
            opening--;
            if (!aborted) {
                all.add(session);
                limit.opened(all.size());
                return session;
            }
        }
        session.close();
        throw new FtpConnectionException("the run is stopping: no new FTP session is opened", null, false);
    }

    /** The fewest sessions the server allowed this run, when it refused one: for the run's history. */
    public synchronized OptionalInt connectionLimit() {
        return limit.lowest();
    }

    /**
     * A session beyond the ones in use, for a segment of a big download: an idle live one, or a
     * new one below the capacity; empty when there is none to spare (the capacity reached, or the
     * server refusing another connection).
     */
    public Optional<FtpSession> borrowSpare() {
        FtpSession session = nextLiveIdle();
        if (session != null) {
            return Optional.of(session);
        }
        synchronized (this) {
            if (aborted) {
                return Optional.empty();
            }
        }
        try {
            return Optional.ofNullable(open());
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

    /** Closes a session that failed and forgets it; its place is free once its connection is closed. */
    public void discard(FtpSession session) {
        boolean held;
        synchronized (this) {
            held = all.remove(session);
            idle.remove(session);
            if (held) {
                closing++;
            }
        }
        try {
            session.close();
        } finally {
            if (held) {
                synchronized (this) {
                    closing--;
                }
            }
        }
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
