package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local folders a run has checked for symbolic links out of the job's root and created. A
 * folder is checked once per run, not once per file: the check follows every link on the way up,
 * about ten system calls for a file two folders down, and a run of small files spent a third of its
 * kernel time on them. A folder swapped for a link by another local process after its check is not
 * seen again in that run; filesync itself never makes links, and the per-file check had the same
 * gap for the length of each transfer.
 */
final class CheckedFolders {

    private final Path root;
    private final Set<Path> ready = ConcurrentHashMap.newKeySet();

    CheckedFolders(Path root) {
        this.root = root;
    }

    /**
     * The local file for {@code relativePath}, its name checked as {@link SafePaths#resolveInside}
     * does and its folder checked (once a run) and created.
     *
     * @throws UnsafeLocalPathException when the path would leave the root
     * @throws IOException when the folder cannot be created
     */
    Path fileInside(String relativePath) throws UnsafeLocalPathException, IOException {
        Path file = SafePaths.lexicallyInside(root, relativePath);
        Path folder = file.getParent();
        if (!ready.contains(folder)) {
            SafePaths.checkNoLinkLeads(root, relativePath, file);
            Files.createDirectories(folder);
            ready.add(folder);
        }
        return file;
    }
}
