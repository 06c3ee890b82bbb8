package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.filesync.ftp.TimePrecision;
import org.filesync.jobs.DeleteLimit;
import org.filesync.jobs.Safeguards;
import org.junit.jupiter.api.Test;

class MirrorPlannerTest {

    private static final Instant T = Instant.parse("2026-11-20T10:15:30Z");
    private final MirrorPlanner planner = new MirrorPlanner(Safeguards.DEFAULT, T);

    private static TreeListing listing(List<TreeEntry> files, List<String> folders, List<UnlistedFolder> unlisted) {
        return new TreeListing(files, folders.stream().map(TreeEntry::folder).toList(), List.of(), List.of(),
                List.of(), unlisted, List.of());
    }

    private static TreeEntry file(String path, long size, Instant modified) {
        return TreeEntry.file(path, size, modified, TimePrecision.EXACT);
    }

    private static TransferReason reasonFor(MirrorPlan plan, String path) {
        return java.util.stream.Stream.concat(plan.transfers().stream(), plan.adopted().stream())
                .filter(file -> file.path().equals(path)).findFirst().orElseThrow().reason();
    }

    @Test
    void transfersNewChangedMissingAndWrongSizeFilesAndSkipsUnchanged() {
        TreeListing source = listing(List.of(file("new", 1, T), file("changed", 5, T.plusSeconds(60)),
                file("missing", 3, T), file("short", 9, T), file("same", 4, T)), List.of(), List.of());
        TreeListing target = listing(List.of(file("changed", 5, T), file("short", 2, T), file("same", 4, T)),
                List.of(), List.of());
        Map<String, SyncState> catalog = Map.of("changed", new SyncState(5, T), "missing", new SyncState(3, T),
                "short", new SyncState(9, T), "same", new SyncState(4, T));

        MirrorPlan plan = planner.plan(source, target, catalog, false);

        assertThat(reasonFor(plan, "new")).isEqualTo(TransferReason.NEW);
        assertThat(reasonFor(plan, "changed")).isEqualTo(TransferReason.CHANGED);
        assertThat(reasonFor(plan, "missing")).isEqualTo(TransferReason.TARGET_MISSING);
        assertThat(reasonFor(plan, "short")).isEqualTo(TransferReason.TARGET_SIZE);
        assertThat(plan.transfers()).extracting(PlannedFile::path).containsExactly("short", "changed", "missing", "new");
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.adopted()).isEmpty();
    }

    @Test
    void minutePrecisionListingMatchesCatalogRecordedWithExactTime() {
        Instant exact = Instant.parse("2026-11-20T10:15:42Z");
        TreeListing source = listing(List.of(TreeEntry.file("f", 4, Instant.parse("2026-11-20T10:15:00Z"),
                TimePrecision.MINUTE)), List.of(), List.of());
        TreeListing target = listing(List.of(file("f", 4, exact)), List.of(), List.of());

        MirrorPlan plan = planner.plan(source, target, Map.of("f", new SyncState(4, exact)), false);

        assertThat(plan.transfers()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void existingTargetWithSameSizeAndTimeIsAdoptedNotRefetched() {
        TreeListing source = listing(List.of(file("f", 4, T)), List.of(), List.of());
        TreeListing target = listing(List.of(file("f", 4, T)), List.of(), List.of());

        assertThat(reasonFor(planner.plan(source, target, Map.of(), false), "f")).isEqualTo(TransferReason.ALREADY_PRESENT);
    }

    @Test
    void deletesVanishedFilesOnlyWhenAskedAndListingComplete() {
        TreeListing source = listing(List.of(file("keep", 1, T)), List.of(), List.of());
        TreeListing target = listing(List.of(file("keep", 1, T), file("gone/old", 1, T)), List.of("gone"), List.of());

        assertThat(planner.plan(source, target, Map.of(), false).filesToDelete()).isEmpty();
        MirrorPlan deleting = planner.plan(source, target, Map.of(), true);
        assertThat(deleting.filesToDelete()).containsExactly("gone/old");
        assertThat(deleting.directoriesToDelete()).containsExactly("gone");

        TreeListing incomplete = listing(List.of(file("keep", 1, T)), List.of(),
                List.of(new UnlistedFolder("sub", 550, "LIST /sub: 550 Permission denied")));
        MirrorPlan held = planner.plan(incomplete, target, Map.of(), true);
        assertThat(held.filesToDelete()).isEmpty();
        assertThat(held.listingProblems()).containsExactly("sub: LIST /sub: 550 Permission denied");
        assertThat(held.unlisted()).extracting(UnlistedFolder::path).containsExactly("sub");
    }

    @Test
    void unreadableListingLineHoldsDeletesBack() {
        TreeListing source = new TreeListing(List.of(file("keep", 1, T)), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(new UnreadableLine("", "-rw-r--r-- 1 ftp ftp 12 sometime mystery")));
        TreeListing target = listing(List.of(file("keep", 1, T), file("old", 1, T)), List.of(), List.of());

        MirrorPlan plan = planner.plan(source, target, Map.of(), true);

        assertThat(plan.filesToDelete()).isEmpty();
        assertThat(plan.unreadable()).hasSize(1);
        assertThat(plan.listingProblems()).singleElement().asString().contains("mystery");
    }

    @Test
    void createsMissingFoldersParentsFirst() {
        TreeListing source = listing(List.of(), List.of("a/b/c", "a", "a/b", "x"), List.of());
        TreeListing target = listing(List.of(), List.of("x"), List.of());

        assertThat(planner.plan(source, target, Map.of(), false).directoriesToCreate()).containsExactly("a", "a/b", "a/b/c");
    }

    @Test
    void refusesEveryDeleteWhenMoreThanTheShareLimitVanished() {
        TreeListing source = listing(List.of(file("a", 1, T), file("b", 1, T)), List.of(), List.of());
        TreeListing target = listing(List.of(file("a", 1, T), file("b", 1, T), file("c", 1, T), file("d", 1, T),
                file("old/e", 1, T)), List.of("old"), List.of());

        MirrorPlan plan = planner.plan(source, target, Map.of(), true);

        assertThat(plan.filesToDelete()).isEmpty();
        assertThat(plan.directoriesToDelete()).isEmpty();
        assertThat(plan.deletesRefused()).contains("would delete 3 of the target's 5 files")
                .contains("deleteLimit 50%").contains("--allow-deletes");
    }

    @Test
    void deletesUpToACountLimitAndRefusesOneMore() {
        TreeListing target = listing(List.of(file("a", 1, T), file("b", 1, T), file("c", 1, T)), List.of(), List.of());
        MirrorPlanner twoAtMost = new MirrorPlanner(new Safeguards(DeleteLimit.parse("2"), Duration.ZERO), T);

        MirrorPlan two = twoAtMost.plan(listing(List.of(file("a", 1, T)), List.of(), List.of()), target, Map.of(), true);
        MirrorPlan three = twoAtMost.plan(listing(List.of(), List.of("x"), List.of()), target, Map.of(), true);

        assertThat(two.filesToDelete()).containsExactly("b", "c");
        assertThat(two.deletesRefused()).isNull();
        assertThat(three.filesToDelete()).isEmpty();
        assertThat(three.deletesRefused()).contains("would delete 3").contains("deleteLimit 2 allows (2)");
    }

    @Test
    void allowedDeletesLiftTheLimit() {
        TreeListing source = listing(List.of(file("a", 1, T)), List.of(), List.of());
        TreeListing target = listing(List.of(file("a", 1, T), file("b", 1, T), file("c", 1, T)), List.of(), List.of());

        MirrorPlan plan = new MirrorPlanner(Safeguards.DEFAULT.withDeletesAllowed(), T)
                .plan(source, target, Map.of(), true);

        assertThat(plan.filesToDelete()).containsExactly("b", "c");
        assertThat(plan.deletesRefused()).isNull();
    }

    @Test
    void leavesFilesYoungerThanMinAgeForALaterRun() {
        Instant now = T.plus(Duration.ofHours(1));
        TreeListing source = listing(List.of(file("old", 1, now.minus(Duration.ofMinutes(6))),
                file("fresh", 1, now.minus(Duration.ofMinutes(4))), file("synced", 1, now.minusSeconds(10))),
                List.of(), List.of());
        TreeListing target = listing(List.of(file("synced", 1, T)), List.of(), List.of());
        Map<String, SyncState> catalog = Map.of("synced", new SyncState(1, now.minusSeconds(10)));

        MirrorPlan plan = new MirrorPlanner(new Safeguards(DeleteLimit.DEFAULT, Duration.ofMinutes(5)), now)
                .plan(source, target, catalog, false);

        assertThat(plan.transfers()).extracting(PlannedFile::path).containsExactly("old");
        assertThat(plan.tooYoung()).extracting(PlannedFile::path).containsExactly("fresh");
        assertThat(plan.tooYoung()).extracting(PlannedFile::reason).containsExactly(TransferReason.TOO_YOUNG);
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.skipped()).isEqualTo(1);
    }
}
