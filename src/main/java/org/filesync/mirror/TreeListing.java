package org.filesync.mirror;

import java.util.List;

/**
 * Everything one side of a mirror holds below its root.
 *
 * @param rejected entries whose names are unsafe to use
 * @param ignored entries left alone on purpose (symbolic links, devices), with the reason
 * @param partials files (by their final path) that have a filesync partial file or stamp beside them
 * @param unlisted folders that could not be listed
 * @param unreadable listing lines that no parser understood but that may be files
 */
public record TreeListing(List<TreeEntry> files, List<TreeEntry> directories, List<RejectedEntry> rejected,
                          List<RejectedEntry> ignored, List<String> partials, List<UnlistedFolder> unlisted,
                          List<UnreadableLine> unreadable) {

    public TreeListing {
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        rejected = List.copyOf(rejected);
        ignored = List.copyOf(ignored);
        partials = partials.stream().distinct().toList();
        unlisted = List.copyOf(unlisted);
        unreadable = List.copyOf(unreadable);
    }

    static TreeListing empty() {
        return new TreeListing(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    /** False when something below the root is unknown: then nothing may be deleted on the strength of it. */
    public boolean isComplete() {
        return unlisted.isEmpty() && unreadable.isEmpty();
    }
}
