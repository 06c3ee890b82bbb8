package org.filesync.ftp;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Lists a whole remote tree folder by folder, handing each folder's entries to a callback as soon
 * as they are listed: memory holds one folder's entries plus the paths of the folders still to
 * visit, never the tree. Symlinks are reported, never followed, so a link loop cannot trap the
 * walk; rejected entries are reported and not entered.
 */
public final class RemoteTreeWalker {

    /** Receives one folder's listing. */
    @FunctionalInterface
    public interface FolderVisitor {
        void visit(String folder, List<RemoteEntry> entries) throws FtpException;
    }

    private final FtpSession session;

    public RemoteTreeWalker(FtpSession session) {
        this.session = session;
    }

    /** Visits {@code root} and every folder below it, depth first; returns the number of folders listed. */
    public long walk(String root, FolderVisitor visitor) throws FtpException {
        Deque<String> pending = new ArrayDeque<>();
        pending.push(root);
        long folders = 0;
        while (!pending.isEmpty()) {
            String folder = pending.pop();
            List<RemoteEntry> entries = session.list(folder);
            folders++;
            visitor.visit(folder, entries);
            for (int i = entries.size() - 1; i >= 0; i--) {
                RemoteEntry entry = entries.get(i);
                if (entry.type() == EntryType.DIRECTORY && !entry.isRejected()) {
                    pending.push(entry.path());
                }
            }
        }
        return folders;
    }
}
