package org.filesync.ftp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lists a whole remote tree folder by folder, handing each folder's entries to a callback as soon
 * as they are listed: memory holds one folder's entries plus the paths of the folders still to
 * visit, never the tree. Entries listed as symlinks are reported, never followed, and rejected
 * entries are reported and not entered.
 *
 * <p>Some servers follow symlinks themselves and list a link to a folder as that folder
 * (pyftpdlib's and Apache FtpServer's MLSD): a link to an ancestor then looks like an endless
 * tree. So the walk goes at most {@code maxDepth} folders deep; a folder below that is handed to
 * the visitor rejected, with the reason, instead of being entered.
 */
public final class RemoteTreeWalker {

    public static final int DEFAULT_MAX_DEPTH = 64;

    /** Receives one folder's listing. */
    @FunctionalInterface
    public interface FolderVisitor {
        void visit(String folder, List<RemoteEntry> entries) throws FtpException;
    }

    private record Pending(String path, int depth) {
    }

    private final FtpSession session;
    private final int maxDepth;

    public RemoteTreeWalker(FtpSession session) {
        this(session, DEFAULT_MAX_DEPTH);
    }

    public RemoteTreeWalker(FtpSession session, int maxDepth) {
        this.session = session;
        this.maxDepth = maxDepth;
    }

    /** Visits {@code root} and every folder below it, depth first; returns the number of folders listed. */
    public long walk(String root, FolderVisitor visitor) throws FtpException {
        Deque<Pending> pending = new ArrayDeque<>();
        pending.push(new Pending(root, 0));
        long folders = 0;
        while (!pending.isEmpty()) {
            Pending folder = pending.pop();
            List<RemoteEntry> entries = session.list(folder.path());
            folders++;
            if (folder.depth() >= maxDepth) {
                entries = tooDeep(entries);
            }
            visitor.visit(folder.path(), entries);
            for (int i = entries.size() - 1; i >= 0; i--) {
                RemoteEntry entry = entries.get(i);
                if (entry.type() == EntryType.DIRECTORY && !entry.isRejected()) {
                    pending.push(new Pending(entry.path(), folder.depth() + 1));
                }
            }
        }
        return folders;
    }

    private List<RemoteEntry> tooDeep(List<RemoteEntry> entries) {
        List<RemoteEntry> marked = new ArrayList<>(entries.size());
        for (RemoteEntry e : entries) {
            marked.add(e.type() != EntryType.DIRECTORY || e.isRejected() ? e
                    : new RemoteEntry(e.name(), e.path(), e.type(), e.size(), e.modified(), e.precision(),
                    e.linkTarget(), "folder nested deeper than " + maxDepth
                    + " levels (a symlink loop the server follows?)"));
        }
        return marked;
    }
}
