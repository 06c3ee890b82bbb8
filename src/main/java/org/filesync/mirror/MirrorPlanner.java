package org.filesync.mirror;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.filesync.jobs.Safeguards;

/**
 * Decides, file by file, what a run does. A file is transferred when it is new, when its listing
 * differs from the synced-state catalog, or when the target copy is missing or of the wrong size.
 * Nothing is deleted unless both sides were listed completely, nor more than the job's delete limit
 * allows; a file younger than the job's {@code minAge} is left for a later run.
 */
public final class MirrorPlanner {

    private final Safeguards safeguards;
    private final Instant now;

    /** @param now the time against which the source files' ages are measured */
    public MirrorPlanner(Safeguards safeguards, Instant now) {
        this.safeguards = safeguards;
        this.now = now;
    }

    public MirrorPlan plan(TreeListing source, TreeListing target, Map<String, SyncState> catalog, boolean delete) {
        Map<String, TreeEntry> targetFiles = target.files().stream()
                .collect(Collectors.toMap(TreeEntry::path, Function.identity()));
        Set<String> targetDirectories = target.directories().stream().map(TreeEntry::path).collect(Collectors.toSet());

        List<PlannedFile> transfers = new ArrayList<>();
        List<PlannedFile> adopted = new ArrayList<>();
        int unchanged = 0;
        List<PlannedFile> tooYoung = new ArrayList<>();
        Instant youngAfter = now.minus(safeguards.minAge());
        for (TreeEntry file : source.files()) {
            TransferReason reason = decide(file, targetFiles.get(file.path()), catalog.get(file.path()));
            if (reason == TransferReason.UNCHANGED) {
                unchanged++;
            } else if (reason.transfers() && isYoung(file, youngAfter)) {
                tooYoung.add(new PlannedFile(file, TransferReason.TOO_YOUNG));
            } else {
                (reason.transfers() ? transfers : adopted).add(new PlannedFile(file, reason));
            }
        }
        tooYoung.sort(Comparator.comparing(PlannedFile::path));
        transfers.sort(Comparator.comparingLong(PlannedFile::size).reversed().thenComparing(PlannedFile::path));

        List<String> create = source.directories().stream().map(TreeEntry::path)
                .filter(path -> !targetDirectories.contains(path))
                .sorted(Comparator.comparingInt(MirrorPlanner::depth).thenComparing(Comparator.naturalOrder()))
                .toList();

        List<String> deleteFiles = List.of();
        List<String> deleteDirectories = List.of();
        if (delete && source.isComplete() && target.isComplete()) {
            Set<String> sourcePaths = new HashSet<>();
            source.files().forEach(file -> sourcePaths.add(file.path()));
            source.directories().forEach(folder -> sourcePaths.add(folder.path()));
            source.rejected().forEach(entry -> sourcePaths.add(entry.path()));
            source.ignored().forEach(entry -> sourcePaths.add(entry.path()));
            deleteFiles = target.files().stream().map(TreeEntry::path).filter(path -> !sourcePaths.contains(path))
                    .sorted().toList();
            deleteDirectories = target.directories().stream().map(TreeEntry::path)
                    .filter(path -> !sourcePaths.contains(path))
                    .sorted(Comparator.comparingInt(MirrorPlanner::depth).reversed().thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
        List<UnlistedFolder> unlisted = concat(source.unlisted(), target.unlisted());
        List<UnreadableLine> unreadable = concat(source.unreadable(), target.unreadable());
        List<String> problems = new ArrayList<>();
        unlisted.forEach(folder -> problems.add(folder.displayPath() + ": " + folder.reason()));
        if (!unreadable.isEmpty()) {
            problems.add(UnreadableLine.describe(unreadable));
        }
        boolean sourceEmpty = source.files().isEmpty() && source.directories().isEmpty() && source.rejected().isEmpty();
        if (delete && sourceEmpty && !target.files().isEmpty()) {
            // A source that lists nothing at all is far more often a broken share or a server
            // quirk than a wish to empty the mirror: deleting everything needs a person.
            problems.add("the source lists no files at all: nothing is deleted (empty the target by hand if that is meant)");
            deleteFiles = List.of();
            deleteDirectories = List.of();
        }
        String deletesRefused = null;
        long allowed = safeguards.deleteLimit().allowed(target.files().size());
        if (deleteFiles.size() > allowed) {
            deletesRefused = "would delete " + deleteFiles.size() + " of the target's " + target.files().size()
                    + " files, more than deleteLimit " + safeguards.deleteLimit() + " allows (" + allowed
                    + "): nothing deleted (run --allow-deletes to delete them)";
            deleteFiles = List.of();
            deleteDirectories = List.of();
        }
        return new MirrorPlan(create, transfers, adopted, unchanged, tooYoung, source.rejected(), source.ignored(), deleteFiles,
                deleteDirectories, deletesRefused, problems, unlisted, unreadable);
    }

    /** Without a minAge nothing is young: a server clock ahead of ours must not hold files back. */
    private boolean isYoung(TreeEntry file, Instant youngAfter) {
        return !safeguards.minAge().isZero() && file.modified() != null && file.modified().isAfter(youngAfter);
    }

    private static TransferReason decide(TreeEntry source, TreeEntry target, SyncState synced) {
        if (target == null) {
            return synced == null ? TransferReason.NEW : TransferReason.TARGET_MISSING;
        }
        if (synced == null) {
            boolean sameSize = target.size() == source.size();
            return sameSize && new SyncState(source.size(), source.modified()).matches(sameTimePrecision(target, source))
                    ? TransferReason.ALREADY_PRESENT
                    : (sameSize ? TransferReason.CHANGED : TransferReason.TARGET_SIZE);
        }
        if (!synced.matches(source)) {
            return TransferReason.CHANGED;
        }
        return target.size() == source.size() ? TransferReason.UNCHANGED : TransferReason.TARGET_SIZE;
    }

    /** The target's entry seen at the source listing's precision, so a minute-precise LIST can match a local file. */
    private static TreeEntry sameTimePrecision(TreeEntry target, TreeEntry source) {
        return new TreeEntry(target.path(), false, target.size(), target.modified(), source.precision());
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
    }

    private static int depth(String path) {
        return (int) path.chars().filter(c -> c == '/').count();
    }
}
