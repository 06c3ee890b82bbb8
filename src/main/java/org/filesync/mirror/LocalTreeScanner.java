package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.filesync.ftp.EntryNames;
import org.filesync.ftp.FailureMessages;
import org.filesync.ftp.TimePrecision;
import org.filesync.jobs.PathFilter;

/**
 * Lists a local tree: the target of a download, the source of an upload. filesync's own partial
 * files are reported separately (by the final path they stand for); symbolic links are not followed.
 */
public final class LocalTreeScanner {

    private final PathFilter filter;

    public LocalTreeScanner(PathFilter filter) {
        this.filter = filter;
    }

    /** A root that does not exist lists as empty. */
    public TreeListing scan(Path root) throws IOException {
        List<TreeEntry> files = new ArrayList<>();
        List<TreeEntry> folders = new ArrayList<>();
        List<RejectedEntry> rejected = new ArrayList<>();
        List<RejectedEntry> ignored = new ArrayList<>();
        List<String> partials = new ArrayList<>();
        List<UnlistedFolder> unlisted = new ArrayList<>();
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return TreeListing.empty();
        }
        // An entry's path is its folder's path and its name: Path.relativize per entry was about a
        // third of the walk's CPU.
        Deque<String> folderPaths = new ArrayDeque<>(List.of(""));
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                String path = childPath(name);
                String rejection = EntryNames.rejectionOf(name);
                if (rejection != null) {
                    rejected.add(new RejectedEntry(RemoteTreeScanner.printable(path), rejection));
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!filter.acceptsDirectory(path)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                folders.add(TreeEntry.folder(path));
                folderPaths.push(path);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(root)) {
                    folderPaths.pop();
                }
                return super.postVisitDirectory(dir, e);
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                String name = file.getFileName().toString();
                String path = childPath(name);
                String rejection = EntryNames.rejectionOf(name);
                if (SafePaths.isPartialName(name)) {
                    partials.add(SafePaths.finalPath(path));
                } else if (!filter.acceptsFile(path)) {
                    return FileVisitResult.CONTINUE;
                } else if (rejection != null) {
                    rejected.add(new RejectedEntry(RemoteTreeScanner.printable(path), rejection));
                } else if (attrs.isRegularFile()) {
                    files.add(TreeEntry.file(path, attrs.size(), attrs.lastModifiedTime().toInstant(), TimePrecision.EXACT));
                } else {
                    ignored.add(new RejectedEntry(path, attrs.isSymbolicLink() ? "symbolic link, not followed" : "not a regular file"));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                unlisted.add(new UnlistedFolder(relative(root, file), null, FailureMessages.of(e)));
                return FileVisitResult.CONTINUE;
            }

            private String childPath(String name) {
                String folder = folderPaths.peek();
                return folder.isEmpty() ? name : folder + '/' + name;
            }
        });
        return new TreeListing(files, folders, rejected, ignored, partials, unlisted, List.of());
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
