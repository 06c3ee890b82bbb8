package org.filesync.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.filesync.ftp.EntryType;
import org.filesync.ftp.FtpException;
import org.filesync.ftp.FtpReplyException;
import org.filesync.ftp.FtpSession;
import org.filesync.ftp.RemoteEntry;
import org.filesync.ftp.TimePrecision;
import org.filesync.jobs.PathFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lists a remote tree folder by folder over several sessions at once. Folders excluded by the
 * job's filter are not entered; symbolic links are not followed. A file whose LIST time is coarse
 * and recent is confirmed with MDTM, so a same-size rewrite within one listed minute is not missed.
 */
public final class RemoteTreeScanner {

    private static final Logger log = LoggerFactory.getLogger(RemoteTreeScanner.class);
    /** LIST shows minutes; anything this recent may still change within its listed minute. */
    private static final Duration RECENT = Duration.ofHours(2);
    private static final int LIST_ATTEMPTS = 3;
    /**
     * MLSD of some servers (Apache FtpServer, pyftpdlib) shows a symbolic link to a folder as a
     * folder, so a link loop would be entered forever: folders nested deeper than this are not.
     */
    static final int MAX_DEPTH = 64;

    private final SessionPool sessions;
    private final int parallel;
    private final PathFilter filter;
    private final int maxDepth;

    public RemoteTreeScanner(SessionPool sessions, int parallel, PathFilter filter) {
        this(sessions, parallel, filter, MAX_DEPTH);
    }

    RemoteTreeScanner(SessionPool sessions, int parallel, PathFilter filter, int maxDepth) {
        this.sessions = sessions;
        this.parallel = parallel;
        this.filter = filter;
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
                return new TreeListing(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
            }
            throw new FtpReplyException("remote folder " + root, 550, "does not exist (or is not a folder)");
        }
        Collector collector = new Collector();
        LinkedBlockingDeque<String> folders = new LinkedBlockingDeque<>();
        AtomicInteger unfinished = new AtomicInteger(1);
        AtomicReference<Exception> rootFailure = new AtomicReference<>();
        folders.add("");

        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Thread worker = new Thread(() -> listFolders(root, folders, unfinished, collector, rootFailure),
                    "filesync-list-" + i);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        Exception failure = rootFailure.get();
        if (failure instanceof FtpException ftp) {
            throw ftp;
        }
        if (failure != null) {
            throw new IllegalStateException("listing " + root + " failed: " + failure.getMessage(), failure);
        }
        return collector.listing();
    }

    private void listFolders(String root, LinkedBlockingDeque<String> folders, AtomicInteger unfinished,
                             Collector collector, AtomicReference<Exception> rootFailure) {
        try (WorkerSession session = new WorkerSession(sessions)) {
            while (unfinished.get() > 0 && rootFailure.get() == null) {
                String folder = folders.poll(20, TimeUnit.MILLISECONDS);
                if (folder == null) {
                    continue;
                }
                try {
                    listOne(session, root, folder, folders, unfinished, collector);
                } catch (FtpException | RuntimeException e) {
                    // Whatever goes wrong, a folder that was not listed must make the listing
                    // incomplete: a folder silently missing would have its target copy deleted.
                    if (folder.isEmpty()) {
                        rootFailure.compareAndSet(null, e);
                    } else {
                        collector.problem(folder + ": " + e.getMessage());
                    }
                } finally {
                    unfinished.decrementAndGet();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean rootExists(String root) throws FtpException {
        if (root.isEmpty() || root.equals(".") || root.equals("/")) {
            return true;
        }
        FtpSession session = sessions.borrow();
        try {
            boolean exists = session.isDirectory(root);
            sessions.release(session);
            return exists;
        } catch (FtpException e) {
            sessions.discard(session);
            throw e;
        }
    }

    /** Lists one folder, retrying transient failures (on a fresh session when the connection was lost). */
    private void listOne(WorkerSession session, String root, String folder, LinkedBlockingDeque<String> folders,
                         AtomicInteger unfinished, Collector collector) throws FtpException {
        List<RemoteEntry> entries = null;
        for (int attempt = 1; entries == null; attempt++) {
            try {
                entries = session.get().list(SafePaths.remotePath(root, folder));
            } catch (FtpException e) {
                if (e.connectionLost()) {
                    session.lost();
                }
                if (!e.isTransient() || attempt == LIST_ATTEMPTS) {
                    throw e;
                }
                log.debug("listing {} failed ({}), attempt {}", folder, e.getMessage(), attempt);
            }
        }
        for (RemoteEntry entry : entries) {
            String path = SafePaths.child(folder, entry.name());
            if (entry.isRejected()) {
                collector.reject(new RejectedEntry(SafePaths.child(folder, printable(entry.name())), entry.rejection()));
                continue;
            }
            var unsafe = SafePaths.unsafeNameReason(entry.name());
            if (unsafe.isPresent()) {
                collector.reject(new RejectedEntry(SafePaths.child(folder, printable(entry.name())), unsafe.get()));
            } else if (entry.type() == EntryType.DIRECTORY && depth(path) > maxDepth) {
                String reason = "folder nested deeper than " + maxDepth + " levels, not entered (a symbolic link loop?)";
                collector.reject(new RejectedEntry(path, reason));
                // its contents are unknown: nothing below it may be deleted on the strength of this listing
                collector.problem(path + ": " + reason);
            } else if (entry.type() == EntryType.DIRECTORY) {
                if (filter.acceptsDirectory(path)) {
                    collector.folder(TreeEntry.folder(path));
                    unfinished.incrementAndGet();
                    folders.add(path);
                }
            } else if (entry.type() == EntryType.FILE && SafePaths.isPartialName(entry.name())) {
                collector.partial(SafePaths.finalPath(path));
            } else if (entry.type() == EntryType.FILE) {
                if (filter.acceptsFile(path)) {
                    collector.file(confirmTime(session.get(), root, path, entry));
                }
            } else if (filter.acceptsFile(path)) {
                collector.ignore(new RejectedEntry(path, entry.type() == EntryType.SYMLINK
                        ? "symbolic link, not followed" : "not a regular file"));
            }
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
            var exact = session.modificationTime(SafePaths.remotePath(root, path));
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

    private static final class Collector {
        private final List<TreeEntry> files = Collections.synchronizedList(new ArrayList<>());
        private final List<TreeEntry> folders = Collections.synchronizedList(new ArrayList<>());
        private final List<RejectedEntry> rejected = Collections.synchronizedList(new ArrayList<>());
        private final List<RejectedEntry> ignored = Collections.synchronizedList(new ArrayList<>());
        private final List<String> partials = Collections.synchronizedList(new ArrayList<>());
        private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

        void partial(String path) {
            partials.add(path);
        }

        void file(TreeEntry entry) {
            files.add(entry);
        }

        void folder(TreeEntry entry) {
            folders.add(entry);
        }

        void reject(RejectedEntry entry) {
            rejected.add(entry);
        }

        void ignore(RejectedEntry entry) {
            ignored.add(entry);
        }

        void problem(String problem) {
            problems.add(problem);
        }

        TreeListing listing() {
            return new TreeListing(files, folders, rejected, ignored, partials, problems);
        }
    }
}
