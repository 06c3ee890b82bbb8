package org.filesync.mirror;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run will do: folders to create, files to transfer (largest first) or skip, entries
 * rejected as unsafe, and — only when both listings were complete and deleting is on —
 * target files and folders to delete (deepest first).
 *
 * @param adopted files already in the target as the source lists them but not in the catalog yet: skipped,
 *                and recorded in the catalog
 * @param unchanged how many files the catalog and the target show as they are listed: skipped, and held
 *                  only as a count, since they are nearly all of a nightly run's files
 * @param tooYoung source files left for a later run because they changed less than {@code minAge} ago
 * @param deletesRefused why nothing is deleted although files vanished from the source: more than the
 *                       delete limit allows; null when the limit was kept
 * @param listingProblems why nothing may be deleted: folders not listed, unreadable lines, a source that lists nothing
 * @param unlisted folders of either side that could not be listed
 * @param unreadable listing lines of either side that may be files but could not be read
 */
public record MirrorPlan(List<String> directoriesToCreate, List<PlannedFile> transfers, List<PlannedFile> adopted,
                         int unchanged, List<PlannedFile> tooYoung, List<RejectedEntry> rejected, List<RejectedEntry> ignored,
                         List<String> filesToDelete, List<String> directoriesToDelete, String deletesRefused,
                         List<String> listingProblems, List<UnlistedFolder> unlisted,
                         List<UnreadableLine> unreadable) {

    public MirrorPlan {
        directoriesToCreate = List.copyOf(directoriesToCreate);
        transfers = List.copyOf(transfers);
        adopted = List.copyOf(adopted);
        tooYoung = List.copyOf(tooYoung);
        rejected = List.copyOf(rejected);
        ignored = List.copyOf(ignored);
        filesToDelete = List.copyOf(filesToDelete);
        directoriesToDelete = List.copyOf(directoriesToDelete);
        listingProblems = List.copyOf(listingProblems);
        unlisted = List.copyOf(unlisted);
        unreadable = List.copyOf(unreadable);
    }

    public Map<String, PlannedFile> transfersByPath() {
        Map<String, PlannedFile> byPath = new HashMap<>();
        transfers.forEach(file -> byPath.put(file.path(), file));
        return byPath;
    }

    /** Files the run leaves as they are: unchanged and adopted ones (not those too young). */
    public int skipped() {
        return unchanged + adopted.size();
    }

    public long bytesToTransfer() {
        return transfers.stream().mapToLong(file -> Math.max(0, file.size())).sum();
    }
}
