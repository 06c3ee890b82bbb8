package org.filesync.mirror;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.filesync.ftp.EntryNames;

/**
 * The local side of the path-safety rules: a path with a segment {@link EntryNames} rejects, or
 * one that would resolve outside the job's local root, is never used. Also the names of
 * filesync's own working files.
 */
public final class SafePaths {

    public static final String PARTIAL_SUFFIX = ".filesync-part";
    /** Beside a partial file: which version of the source its bytes belong to ({@link PartialStamp}). */
    public static final String STAMP_SUFFIX = ".filesync-stamp";

    private SafePaths() {
    }

    /**
     * The local file for {@code relativePath} under {@code root}, checked segment by segment and
     * against symbolic links that lead out of the root.
     *
     * @throws UnsafeLocalPathException when the path would leave the root
     */
    public static Path resolveInside(Path root, String relativePath) throws UnsafeLocalPathException {
        Path resolved = lexicallyInside(root, relativePath);
        checkNoLinkLeads(root, relativePath, resolved);
        return resolved;
    }

    /**
     * The local file for {@code relativePath} under {@code root}, checked segment by segment; the
     * folders on its way are not looked at.
     *
     * @throws UnsafeLocalPathException when the path's names would leave the root
     */
    static Path lexicallyInside(Path root, String relativePath) throws UnsafeLocalPathException {
        Path resolved = root;
        for (String segment : relativePath.split("/", -1)) {
            String rejection = EntryNames.rejectionOf(segment);
            if (rejection != null) {
                throw new UnsafeLocalPathException(relativePath + ": " + rejection);
            }
            resolved = resolved.resolve(segment);
        }
        resolved = resolved.normalize();
        if (!resolved.startsWith(root.normalize())) {
            throw new UnsafeLocalPathException(relativePath + ": resolves outside the job's root");
        }
        return resolved;
    }

    /**
     * Checks that the deepest folder of {@code resolved} that exists is inside the root once
     * symbolic links are followed.
     *
     * @throws UnsafeLocalPathException when a link leads out, or the folders cannot be read
     */
    static void checkNoLinkLeads(Path root, String relativePath, Path resolved) throws UnsafeLocalPathException {
        try {
            Path existingParent = resolved.getParent();
            while (existingParent != null && !Files.exists(existingParent)) {
                existingParent = existingParent.getParent();
            }
            if (existingParent != null && Files.exists(root)
                    && !existingParent.toRealPath().startsWith(root.toRealPath())) {
                throw new UnsafeLocalPathException(relativePath + ": a symbolic link leads outside the job's root");
            }
        } catch (IOException e) {
            throw new UnsafeLocalPathException(relativePath + ": cannot check the path: " + e.getMessage());
        }
    }

    /** {@code dir/.name.filesync-part} for {@code dir/name}: the partial file beside the target. */
    public static String partialName(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return relativePath.substring(0, slash + 1) + "." + relativePath.substring(slash + 1) + PARTIAL_SUFFIX;
    }

    /** {@code dir/.name.filesync-stamp} for {@code dir/name}: the stamp beside the partial file. */
    public static String stampName(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        return relativePath.substring(0, slash + 1) + "." + relativePath.substring(slash + 1) + STAMP_SUFFIX;
    }

    /** {@code dir/name} for {@code dir/.name.filesync-part} or {@code dir/.name.filesync-stamp}. */
    public static String finalPath(String partialPath) {
        int slash = partialPath.lastIndexOf('/');
        String name = partialPath.substring(slash + 1);
        int suffix = name.endsWith(PARTIAL_SUFFIX) ? PARTIAL_SUFFIX.length() : STAMP_SUFFIX.length();
        return partialPath.substring(0, slash + 1) + name.substring(1, name.length() - suffix);
    }

    /** Whether {@code name} is one of filesync's own working files: a partial file or its stamp. */
    public static boolean isPartialName(String name) {
        return name.startsWith(".") && (name.endsWith(PARTIAL_SUFFIX) && name.length() > PARTIAL_SUFFIX.length() + 1
                || name.endsWith(STAMP_SUFFIX) && name.length() > STAMP_SUFFIX.length() + 1);
    }

    /** A path relative to the root as the history shows it: "." for the root itself. */
    public static String shown(String relativePath) {
        return relativePath.isEmpty() ? "." : relativePath;
    }
}
