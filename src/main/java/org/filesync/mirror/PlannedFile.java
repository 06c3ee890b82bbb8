package org.filesync.mirror;

/** One file the plan transfers or skips, with the source listing it was planned from. */
public record PlannedFile(TreeEntry source, TransferReason reason) {

    public String path() {
        return source.path();
    }

    public long size() {
        return source.size();
    }
}
