package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code filesync run} while many small files complete beside one big throttled file,
 * on H2 (whose default lazy writes lost the last half second of commits) as on PostgreSQL, in a
 * download and in an upload: every file that was complete under its final name a moment before
 * the kill is DONE in the killed run's history, the big file's progress is there, and the next run
 * moves no more than the remainder the target did not hold, plus one progress interval per file
 * in flight. The target's partial files resume whether or not the database remembers them.
 */
class KillNineDurabilityTest {

    private static final int SMALL_FILES = 1500;
    private static final int SMALL_SIZE = 8 << 10;
    private static final long BIG_SIZE = 32L << 20;
    private static final long TREE_SIZE = SMALL_FILES * (long) SMALL_SIZE + BIG_SIZE;
    private static final int PARALLEL = 4;
    /** What a crash may cost per file in flight: the journal records progress every 4 MiB. */
    private static final long PROGRESS_INTERVAL = 4L << 20;
    /** The journal wakes at once when a file ends: a file renamed this long before the kill has been committed. */
    private static final long COMMIT_GRACE_MILLIS = 100;

    private enum KillPoint {
        /** The first file has appeared in the target: the first moments of the transfer step. */
        EARLY,
        /** Many small files are done and the big one is well under way. */
        MID_RUN
    }

    @TempDir
    Path dir;

    @Test
    void killNineOnH2KeepsEveryCommittedFileAndTheBigFilesProgress() throws Exception {
        killAndRunAgain(h2(), Map.of(), "download", KillPoint.MID_RUN);
    }

    @Test
    void killNineOnPostgresqlKeepsEveryCommittedFileAndTheBigFilesProgress() throws Exception {
        killOnPostgresqlAndRunAgain("download");
    }

    @Test
    void killNineOfAnUploadOnH2KeepsEveryCommittedFileAndResumesTheRemotePartial() throws Exception {
        killAndRunAgain(h2(), Map.of(), "upload", KillPoint.MID_RUN);
    }

    @Test
    void killNineOfAnUploadOnPostgresqlKeepsEveryCommittedFileAndResumesTheRemotePartial() throws Exception {
        killOnPostgresqlAndRunAgain("upload");
    }

    @Test
    void killNineInTheFirstMomentsOfTheTransferStepCostsTheNextRunNothingExtra() throws Exception {
        killAndRunAgain(h2(), Map.of(), "download", KillPoint.EARLY);
    }

    private void killOnPostgresqlAndRunAgain(String direction) throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            killAndRunAgain(postgres.getJdbcUrl("postgres", "postgres"),
                    Map.of("FILESYNC_DB_USER", "postgres", "FILESYNC_DB_PASSWORD", ""), direction, KillPoint.MID_RUN);
        }
    }

    private String h2() {
        return "jdbc:h2:file:" + dir.resolve("data/filesync");
    }

    private void killAndRunAgain(String url, Map<String, String> credentials, String direction, KillPoint killPoint)
            throws Exception {
        boolean download = direction.equals("download");
        Path source = download ? dir.resolve("served/load") : dir.resolve("mirror/load");
        Path target = download ? dir.resolve("mirror/load") : dir.resolve("served/load");
        for (int i = 0; i < SMALL_FILES; i++) {
            TestFiles.random(source.resolve("small/d%02d/f%04d.dat".formatted(i % 20, i)), SMALL_SIZE, i);
        }
        TestFiles.random(source.resolve("big.bin"), BIG_SIZE, -1);
        Files.createDirectories(dir.resolve("served"));
        Path partial = target.resolve(".big.bin.filesync-part");

        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "load", server.port(), "load", "direction: " + direction,
                    "parallel: " + PARALLEL, "bandwidthLimit: 6MB");
            Map<String, String> environment = new HashMap<>(credentials);
            environment.put("FTP_PASSWORD", ApacheFtpServer.PASSWORD);
            environment.put("FILESYNC_DB_URL", url);
            FilesyncProcess filesync = new FilesyncProcess(dir, environment);
            Process run = filesync.start(List.of("run", "load"));

            Set<String> completeBeforeKill;
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (!reached(killPoint, target, partial)) {
                    assertThat(run.isAlive()).as("the run ended before it could be killed").isTrue();
                    assertThat(System.nanoTime()).as("the run made too little progress").isLessThan(deadline);
                    Thread.sleep(5);
                }
                completeBeforeKill = completeFiles(target);
                if (killPoint == KillPoint.MID_RUN) {
                    Thread.sleep(COMMIT_GRACE_MILLIS);
                }
            } finally {
                run.destroyForcibly().waitFor();
            }
            long held = bytesHeld(target);

            try (HistoryReader history = new HistoryReader(url, credentials)) {
                List<RunRecord> runs = history.runs("load");
                assertThat(runs).hasSize(1);
                if (killPoint == KillPoint.MID_RUN) {
                    assertThat(completeBeforeKill).doesNotContain("big.bin");
                    RunRecord killed = runs.get(0);
                    Map<String, TransferRecord> transfers = history.transfers(killed.runId()).stream()
                            .collect(Collectors.toMap(TransferRecord::path, transfer -> transfer));
                    Set<String> done = transfers.values().stream().filter(t -> t.status() == TransferStatus.DONE)
                            .map(TransferRecord::path).collect(Collectors.toSet());
                    assertThat(done).as("files complete in the target %d ms before the kill", COMMIT_GRACE_MILLIS)
                            .containsAll(completeBeforeKill);
                    Set<String> synced = Set.copyOf(history.jdbc()
                            .sql("SELECT path FROM fs_synced_file WHERE job_name = 'load'").query(String.class).list());
                    assertThat(synced).containsAll(completeBeforeKill);
                    assertThat(transfers.get("big.bin").bytesTransferred()).as("the big file's recorded progress")
                            .isPositive();
                }
            }

            FilesyncProcess.Result again = filesync.run("run", "load");
            assertThat(again.exitCode()).as(again.all()).isZero();
            try (HistoryReader history = new HistoryReader(url, credentials)) {
                List<RunRecord> runs = history.runs("load");
                RunRecord next = runs.get(runs.size() - 1);
                assertThat(next.resumes()).isEqualTo(runs.get(0).runId());
                assertThat(next.status()).isEqualTo(RunStatus.COMPLETED);
                assertThat(next.bytesTransferred())
                        .as("bytes the next run moved; the target held %d of %d at the kill", held, TREE_SIZE)
                        .isLessThanOrEqualTo(TREE_SIZE - held + PARALLEL * PROGRESS_INTERVAL);
            }
            assertThat(MirrorHarness.tree(target)).isEqualTo(MirrorHarness.tree(source));
        }
    }

    private static boolean reached(KillPoint killPoint, Path target, Path partial) throws IOException {
        if (killPoint == KillPoint.EARLY) {
            return !completeFiles(target).isEmpty() || Files.exists(partial);
        }
        return completeFiles(target).size() >= 30 && Files.exists(partial) && Files.size(partial) >= (6 << 20);
    }

    /** Bytes of the tree the target holds: files under their final names and partial files. */
    private static long bytesHeld(Path target) throws IOException {
        try (Stream<Path> files = Files.walk(target)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().endsWith(".filesync-stamp"))
                    .mapToLong(file -> file.toFile().length()).sum();
        }
    }

    /** The files under their final names (not partial files), relative to the target's root. */
    private static Set<String> completeFiles(Path target) {
        while (true) {
            if (!Files.isDirectory(target)) {
                return Set.of();
            }
            try (Stream<Path> files = Files.walk(target)) {
                return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                        .map(file -> target.relativize(file).toString()).collect(Collectors.toSet());
            } catch (IOException | UncheckedIOException e) {
                // a partial file renamed while the walk passed by: look again
            }
        }
    }
}
