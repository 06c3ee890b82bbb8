package org.filesync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.HistoryReader;
import org.filesync.testing.JobFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/filesync and its class-data-sharing archive: made by the first run, mapped after, never in the way. */
class LauncherArchiveTest {

    @TempDir
    Path dir;

    private Path archive() {
        return dir.resolve("filesync.jsa");
    }

    private FilesyncProcess launcher(Map<String, String> extra) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of(
                "FILESYNC_CDS_ARCHIVE", archive().toString(),
                "FTP_PASSWORD", ApacheFtpServer.PASSWORD,
                "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync")));
        environment.putAll(extra);
        return FilesyncProcess.launcher(dir, environment);
    }

    @Test
    void theFirstRunAfterABuildWritesTheArchiveAndLaterCommandsMapIt() throws Exception {
        Files.createDirectories(dir.resolve("served/pub"));
        Files.writeString(dir.resolve("served/pub/a.txt"), "a");
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "pub", server.port(), "pub");

            assertThat(launcher(Map.of()).run("--version").exitCode()).isZero();
            assertThat(archive()).as("a command other than run does not train").doesNotExist();

            FilesyncProcess.Result run = launcher(Map.of()).run("run", "pub");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(archive()).isNotEmptyFile();
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .as("no half-written archive is left").noneMatch(name -> name.startsWith("filesync.jsa."));
            }
            FilesyncProcess.Result mapped = launcher(Map.of("FILESYNC_JAVA_OPTS", "-Xlog:class+load=info"))
                    .run("--version");
            assertThat(mapped.stdout()).contains("source: shared objects file (top)");
        }
    }

    @Test
    void anArchiveThatDoesNotMatchTheBuildIsPassedOverQuietly() throws Exception {
        Files.writeString(archive(), "not an archive of this build");
        Files.setLastModifiedTime(archive(), FileTime.from(Instant.now().plusSeconds(60)));

        FilesyncProcess.Result version = launcher(Map.of()).run("--version");

        assertThat(version.exitCode()).isZero();
        assertThat(version.stdout()).startsWith("filesync ");
        assertThat(version.stderr()).isEmpty();
    }

    @Test
    void aStopDuringTheTrainingRunReachesTheRunAndItsExitCodeComesBack() throws Exception {
        Files.createDirectories(dir.resolve("served/slow"));
        Files.write(dir.resolve("served/slow/big.bin"), new byte[12 << 20]);
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("served"))) {
            JobFiles.ftpJob(dir.resolve("jobs"), "slow", server.port(), "slow", "bandwidthLimit: 2MB");
            FilesyncProcess filesync = launcher(Map.of());
            Process run = filesync.start(List.of("run", "slow"));
            Path partial = dir.resolve("mirror/slow/.big.bin.filesync-part");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Files.exists(partial) && Files.size(partial) > 1 << 20);

            run.destroy();

            assertThat(run.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(run.exitValue()).as(filesync.collect(run).all()).isEqualTo(ExitCode.FAILED);
            try (HistoryReader history = new HistoryReader("jdbc:h2:file:" + dir.resolve("data/filesync"), Map.of())) {
                assertThat(history.runs("slow").get(0).status()).isEqualTo(RunStatus.STOPPED);
            }
        }
    }
}
