package org.filesync.mirror;

import java.util.List;

/**
 * Everything one side of a mirror holds below its root.
 *
 * @param rejected entries whose names are unsafe to use
 * @param ignored entries left alone on purpose (symbolic links, devices), with the reason
 * @param partials files (by their final path) that have a filesync partial file or stamp beside them
 * @param problems folders that could not be listed; when there is any, the listing is incomplete
 *     and nothing may be deleted on the strength of it
 */
public record TreeListing(List<TreeEntry> files, List<TreeEntry> directories, List<RejectedEntry> rejected,
                          List<RejectedEntry> ignored, List<String> partials, List<String> problems) {

    public TreeListing {
        files = List.copyOf(files);
        directories = List.copyOf(directories);
        rejected = List.copyOf(rejected);
        ignored = List.copyOf(ignored);
        partials = partials.stream().distinct().toList();
        problems = List.copyOf(problems);
    }

    public boolean isComplete() {
        return problems.isEmpty();
    }
}
