package org.filesync.mirror;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** What a listing found, gathered from the threads that list a tree's folders. */
final class ListingCollector {

    private final List<TreeEntry> files = Collections.synchronizedList(new ArrayList<>());
    private final List<TreeEntry> folders = Collections.synchronizedList(new ArrayList<>());
    private final List<RejectedEntry> rejected = Collections.synchronizedList(new ArrayList<>());
    private final List<RejectedEntry> ignored = Collections.synchronizedList(new ArrayList<>());
    private final List<String> partials = Collections.synchronizedList(new ArrayList<>());
    private final List<UnlistedFolder> unlisted = Collections.synchronizedList(new ArrayList<>());
    private final List<UnreadableLine> unreadable = Collections.synchronizedList(new ArrayList<>());

    void partial(String path) {
        partials.add(path);
    }

    void file(TreeEntry entry) {
        files.add(entry);
    }

    void folder(TreeEntry entry) {
        folders.add(entry);
    }

    List<TreeEntry> folders() {
        return folders;
    }

    void reject(RejectedEntry entry) {
        rejected.add(entry);
    }

    void ignore(RejectedEntry entry) {
        ignored.add(entry);
    }

    void unlisted(UnlistedFolder folder) {
        unlisted.add(folder);
    }

    void unreadable(UnreadableLine line) {
        unreadable.add(line);
    }

    void add(ListingCollector other) {
        files.addAll(other.files);
        folders.addAll(other.folders);
        rejected.addAll(other.rejected);
        ignored.addAll(other.ignored);
        partials.addAll(other.partials);
        unlisted.addAll(other.unlisted);
        unreadable.addAll(other.unreadable);
    }

    TreeListing listing() {
        return new TreeListing(files, folders, rejected, ignored, partials, unlisted, unreadable);
    }
}
