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
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of {@code filesync run} while many small files complete beside one big throttled file:
 * every file that was complete under its final name a moment before the kill is DONE in the
 * killed run's history, and the big file's progress is there, on H2 (whose default lazy writes
 * lost the last half second of commits) as on PostgreSQL.
 */
class KillNineDurabilityTest {

    private static final int SMALL_FILES = 1500;
    private static final long BIG_SIZE = 32L << 20;
    /** The journal wakes at once when a file ends: a file renamed this long before the kill has been committed. */
    private static final long COMMIT_GRACE_MILLIS = 100;

    @TempDir
    Path dir;

    @Test
    void killNineOnH2KeepsEveryCommittedFileAndTheBigFilesProgress() throws Exception {
        killMidRunAndCheckHistory("jdbc:h2:file:" + dir.resolve("data/filesync"), Map.of());
    }

    @Test
    void killNineOnPostgresqlKeepsEveryCommittedFileAndTheBigFilesProgress() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            killMidRunAndCheckHistory(postgres.getJdbcUrl("postgres", "postgres"),
                    Map.of("FILESYNC_DB_USER", "postgres", "FILESYNC_DB_PASSWORD", ""));
        }
    }

    private void killMidRunAndCheckHistory(String url, Map<String, String> credentials) throws Exception {
        Path served = dir.resolve("served/load");
        for (int i = 0; i < SMALL_FILES; i++) {
            TestFiles.random(served.resolve("small/d%02d/f%04d.dat".formatted(i % 20, i)), 8 << 10, i);
        }
        TestFiles.random(served.resolve("big.bin"), BIG_SIZE, -1);
        Path mirror = dir.resolve("mirror/load");
        Path partial = mirror.resolve(".big.bin.filesync-part");

        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "load", server.port(), "load", "parallel: 4", "bandwidthLimit: 6MB");
            Map<String, String> environment = new HashMap<>(credentials);
            environment.put("FTP_PASSWORD", ApacheFtpServer.PASSWORD);
            environment.put("FILESYNC_DB_URL", url);
            Process run = new FilesyncProcess(dir, environment).start(List.of("run", "load"));

            Set<String> completeBeforeKill;
            try {
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (completeFiles(mirror).size() < 30 || !Files.exists(partial) || Files.size(partial) < (6 << 20)) {
                    assertThat(run.isAlive()).as("the run ended before it could be killed").isTrue();
                    assertThat(System.nanoTime()).as("the run made too little progress").isLessThan(deadline);
                    Thread.sleep(5);
                }
                completeBeforeKill = completeFiles(mirror);
                Thread.sleep(COMMIT_GRACE_MILLIS);
            } finally {
                run.destroyForcibly().waitFor();
            }
            assertThat(completeBeforeKill).doesNotContain("big.bin");

            try (HistoryReader history = new HistoryReader(url, credentials)) {
                List<RunRecord> runs = history.runs("load");
                assertThat(runs).hasSize(1);
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
                assertThat(transfers.get("big.bin").bytesTransferred()).as("the big file's recorded progress").isPositive();
            }
        }
    }

    /** The files under their final names (not partial files), relative to the mirror's root. */
    private static Set<String> completeFiles(Path mirror) {
        while (true) {
            if (!Files.isDirectory(mirror)) {
                return Set.of();
            }
            try (Stream<Path> files = Files.walk(mirror)) {
                return files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                        .map(file -> mirror.relativize(file).toString()).collect(Collectors.toSet());
            } catch (IOException | UncheckedIOException e) {
                // a partial file renamed while the walk passed by: look again
            }
        }
    }
}
