package org.filesync.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.filesync.ftp.EntryType;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.NamedThreadFactory;
import org.filesync.ftp.RemoteEntry;
import org.filesync.ftp.RemotePaths;
import org.filesync.ftp.TimePrecision;
import org.filesync.jobs.PathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists a remote tree folder by folder over several sessions at once. Folders excluded by the
 * job's filter are not entered; symbolic links are not followed. A file whose LIST time is coarse
 * and recent is confirmed with MDTM, so a same-size rewrite within one listed minute is not missed.
 * A folder whose listing fails is tried again after a backoff, on a new session when its own was
 * lost; one that still fails is reported, never dropped. A server that refuses more sessions
 * leaves the listing to fewer listers.
 */
public final class RemoteTreeScanner {

    private static final Logger log = LoggerFactory.getLogger(RemoteTreeScanner.class);
    /** LIST shows minutes; anything this recent may still change within its listed minute. */
    private static final Duration RECENT = Duration.ofHours(2);
    /**
     * MLSD of some servers (Apache FtpServer, pyftpdlib) shows a symbolic link to a folder as a
     * folder, so a link loop would be entered forever: folders nested deeper than this are not.
     */
    static final int MAX_DEPTH = 64;

    private final SessionPool sessions;
    private final int parallel;
    private final PathFilter filter;
    private final RetryPolicy retry;
    private final int maxDepth;

    public RemoteTreeScanner(SessionPool sessions, int parallel, PathFilter filter, RetryPolicy retry) {
        this(sessions, parallel, filter, retry, MAX_DEPTH);
    }

    RemoteTreeScanner(SessionPool sessions, int parallel, PathFilter filter, RetryPolicy retry, int maxDepth) {
        this.sessions = sessions;
        this.parallel = parallel;
        this.filter = filter;
        this.retry = retry;
        this.maxDepth = maxDepth;
    }

    /**
     * @param missingRootIsEmpty true where a root that does not exist yet means an empty tree (the
     *     target of an upload); otherwise a missing root fails the scan
     * @throws FtpException when the root itself cannot be listed, or is missing and must not be
     */
    public TreeListing scan(String root, boolean missingRootIsEmpty) throws FtpException, InterruptedException {
        if (!rootExists(root)) {
            if (missingRootIsEmpty) {
                return TreeListing.empty();
            }
            throw new FtpReplyException("remote folder " + root, 550, "does not exist (or is not a folder)");
        }
        Scan scan = new Scan(root);
        ExecutorService listers = Executors.newFixedThreadPool(parallel, new NamedThreadFactory("filesync-list", false));
        try {
            listers.invokeAll(Collections.nCopies(parallel, Executors.callable(scan::listFolders)));
        } finally {
            listers.shutdownNow();
        }
        Exception failure = scan.rootFailure.get();
        if (failure instanceof FtpException ftp) {
            throw ftp;
        }
        if (failure != null) {
            throw new IllegalStateException("listing " + root + " failed: " + failure.getMessage(), failure);
        }
        return scan.found.listing();
    }

    private boolean rootExists(String root) throws FtpException {
        if (root.isEmpty() || root.equals(".") || root.equals("/")) {
            return true;
        }
        return sessions.execute(session -> session.isDirectory(root));
    }

    /** A folder waiting to be listed, and how many times listing it has failed so far. */
    private record PendingFolder(String path, int failures) {
    }

    /** Handed to each lister when the listing is over: they wait on the queue, never poll it. */
    private static final PendingFolder END = new PendingFolder(null, 0);

    /** One scan's shared state: the folders still to list, what was found, and who holds a session. */
    private final class Scan {
        private final String root;
        private final LinkedBlockingDeque<PendingFolder> folders = new LinkedBlockingDeque<>();
        private final AtomicInteger unfinished = new AtomicInteger(1);
        /** Listers holding a session now: while there is one, a lister the server refuses can leave the work to it. */
        private final AtomicInteger holding = new AtomicInteger();
        private final AtomicBoolean limitLogged = new AtomicBoolean();
        private final AtomicReference<Exception> rootFailure = new AtomicReference<>();
        private final ListingCollector found = new ListingCollector();

        Scan(String root) {
            this.root = root;
            folders.add(new PendingFolder("", 0));
        }

        void listFolders() {
            boolean holds = false;
            try (WorkerSession session = new WorkerSession(sessions)) {
                holds = logIn(session);
                while (true) {
                    PendingFolder folder = folders.take();
                    if (folder == END) {
                        return;
                    }
                    if (!holds) {
                        try {
                            session.get();
                        } catch (FtpException e) {
                            if (holding.get() > 0) {
                                // The server refuses another session (421 "too many connections"): the
                                // folder goes back to the listers that have one, and this one retires.
                                folders.addFirst(folder);
                                logLimit(e);
                                return;
                            }
                            retryOrGiveUp(folder, e);
                            continue;
                        }
                        holds = true;
                        holding.incrementAndGet();
                    }
                    try {
                        ListingCollector contents = listOne(session.get(), folder.path());
                        found.add(contents);
                        unfinished.addAndGet(contents.folders().size());
                        contents.folders().forEach(sub -> folders.add(new PendingFolder(sub.path(), 0)));
                        finishedOne();
                    } catch (FtpException e) {
                        if (e.connectionLost()) {
                            session.lost();
                            holds = false;
                            holding.decrementAndGet();
                        }
                        retryOrGiveUp(folder, e);
                    } catch (RuntimeException e) {
                        // Nothing foresaw this: the folder is not tried again, but it is not lost either.
                        log.warn("listing {}: unexpected failure", folder.path(), e);
                        giveUp(folder.path(), e, null, "unexpected failure: " + e);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (holds) {
                    holding.decrementAndGet();
                }
            }
        }

        /**
         * Every lister logs in at once, while the root is listed, rather than when the root's
         * folders arrive. One that fails here tries again when it takes its first folder, where a
         * refusal is handled as always.
         */
        private boolean logIn(WorkerSession session) {
            try {
                session.get();
            } catch (FtpException e) {
                log.debug("a listing session could not log in yet: {}", e.getMessage());
                return false;
            }
            holding.incrementAndGet();
            return true;
        }

        /** Like a transient transfer failure, whatever the reply: a folder left unlisted costs the whole run its deletes. */
        private void retryOrGiveUp(PendingFolder folder, FtpException e) throws InterruptedException {
            int failures = folder.failures() + 1;
            boolean retryable = e.isTransient() || e instanceof FtpReplyException;
            if (sessions.isAborted()) {
                giveUp(folder.path(), e, e.replyCode(), "the run is stopping");
                return;
            }
            if (retryable && failures <= retry.retries()) {
                log.debug("listing {} failed ({}), attempt {}", folder.path(), e.getMessage(), failures);
                Thread.sleep(retry.delayBefore(failures + 1).toMillis());
                folders.addLast(new PendingFolder(folder.path(), failures));
                return;
            }
            giveUp(folder.path(), e, e.replyCode(), failures > 1
                    ? "gave up after " + failures + " attempts: " + e.getMessage() : e.getMessage());
        }

        private void giveUp(String path, Exception e, Integer replyCode, String reason) {
            if (path.isEmpty()) {
                rootFailure.compareAndSet(null, e);
                end();
            } else {
                found.unlisted(new UnlistedFolder(path, replyCode, reason));
            }
            finishedOne();
        }

        private void finishedOne() {
            if (unfinished.decrementAndGet() == 0) {
                end();
            }
        }

        /** Every lister takes one END, ahead of any folder left when the root failed. */
        private void end() {
            for (int i = 0; i < parallel; i++) {
                folders.addFirst(END);
            }
        }

        private void logLimit(FtpException refusal) {
            if (limitLogged.compareAndSet(false, true)) {
                log.info("listing goes on with the {} sessions the server allowed ({})", holding.get(),
                        refusal.getMessage());
            }
        }

        /** One folder's entries, sorted into what they are; nothing is kept of a folder whose listing fails. */
        private ListingCollector listOne(FtpSession session, String folder) throws FtpException {
            ListingCollector contents = new ListingCollector();
            for (RemoteEntry entry : session.list(RemotePaths.join(root, folder))) {
                String path = RemotePaths.join(folder, entry.name());
                if (entry.type() == EntryType.UNREADABLE) {
                    contents.unreadable(new UnreadableLine(folder, printable(entry.name())));
                    continue;
                }
                if (entry.isRejected()) {
                    contents.reject(new RejectedEntry(RemotePaths.join(folder, printable(entry.name())), entry.rejection()));
                } else if (entry.type() == EntryType.DIRECTORY && depth(path) > maxDepth) {
                    // its contents are unknown: nothing below it may be deleted on the strength of this listing
                    contents.unlisted(new UnlistedFolder(path, null,
                            "folder nested deeper than " + maxDepth + " levels, not entered (a symbolic link loop?)"));
                } else if (entry.type() == EntryType.DIRECTORY) {
                    if (filter.acceptsDirectory(path)) {
                        contents.folder(TreeEntry.folder(path));
                    }
                } else if (entry.type() == EntryType.FILE && SafePaths.isPartialName(entry.name())) {
                    contents.partial(SafePaths.finalPath(path));
                } else if (entry.type() == EntryType.FILE) {
                    if (filter.acceptsFile(path)) {
                        contents.file(confirmTime(session, root, path, entry));
                    }
                } else if (filter.acceptsFile(path)) {
                    contents.ignore(new RejectedEntry(path, entry.type() == EntryType.SYMLINK
                            ? "symbolic link, not followed" : "not a regular file"));
                }
            }
            return contents;
        }
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count() + 1;
    }

    private static TreeEntry confirmTime(FtpSession session, String root, String path, RemoteEntry entry)
            throws FtpException {
        if (entry.size() < 0) {
            return TreeEntry.file(path, -1, entry.modified(), entry.precision());
        }
        boolean recent = entry.modified() != null && entry.modified().isAfter(Instant.now().minus(RECENT));
        if (SyncState.isCoarse(entry.precision()) && recent && session.features().mdtm()) {
            var exact = session.modificationTime(RemotePaths.join(root, path));
            if (exact.isPresent()) {
                return TreeEntry.file(path, entry.size(), exact.get(), TimePrecision.EXACT);
            }
        }
        return TreeEntry.file(path, entry.size(), entry.modified(), entry.precision());
    }

    /** A name fit for the history: control characters shown as escapes. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                out.append(String.format("\\x%02X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
