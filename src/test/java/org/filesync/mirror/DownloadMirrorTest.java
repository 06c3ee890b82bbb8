package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferStatus;
import org.filesync.jobs.JobDefinition;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.ProftpdServer;
import org.filesync.testing.PureFtpdServer;
import org.filesync.testing.PyFtpdServer;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Download mirrors end to end: real servers over real sockets, a real H2 history. */
class DownloadMirrorTest {

    @TempDir
    Path dir;

    static Stream<Arguments> servers() {
        return Stream.of(
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("Apache FtpServer (MLSD)", ApacheFtpServer::start)),
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("pyftpdlib (MLSD)", PyFtpdServer::start)),
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("vsftpd (LIST only)", VsftpdServer::start)),
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("pure-ftpd (MLSD)", PureFtpdServer::start)),
                Arguments.of(Named.<Function<Path, FtpServerFixture>>of("ProFTPD (MLSD)", ProftpdServer::start)));
    }

    /** The sample tree: nested folders, an empty file and folder, spaces and UTF-8 in names, a few MB. */
    static void writeTree(Path root) throws Exception {
        Random random = new Random(7);
        Files.createDirectories(root.resolve("a/b/c"));
        Files.createDirectories(root.resolve("empty dir"));
        Files.write(root.resolve("zero.bin"), new byte[0]);
        Files.writeString(root.resolve("a/file with spaces.txt"), "spaces\n");
        Files.writeString(root.resolve("a/b/Übersicht – café.txt"), "utf-8\n", StandardCharsets.UTF_8);
        byte[] big = new byte[(5 << 20) + 3];
        random.nextBytes(big);
        Files.write(root.resolve("a/b/c/big.bin"), big);
        for (int i = 0; i < 20; i++) {
            byte[] small = new byte[random.nextInt(5000)];
            random.nextBytes(small);
            Files.write(root.resolve("a/small-" + i + ".dat"), small);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void mirrorsTreeThenTransfersNothingThenOnlyWhatChanged(Function<Path, FtpServerFixture> start) throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = Files.createDirectories(server.localRoot().resolve("src"));
            writeTree(source);
            Path target = dir.resolve("target");
            JobDefinition job = harness.job("down", server, "download", "src", target, "parallel: 3");

            RunRecord first = harness.run(job);

            assertThat(first.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(MirrorHarness.tree(target)).isEqualTo(MirrorHarness.tree(source));
            assertThat(target.resolve("empty dir")).isDirectory();
            assertThat(first.filesTransferred()).isEqualTo(24);
            assertThat(first.bytesTransferred()).isEqualTo(sizeOf(source));
            assertThat(harness.transfers(first.runId())).allSatisfy(t -> assertThat(t.status()).isEqualTo(TransferStatus.DONE));

            RunRecord second = harness.run(job);

            assertThat(second.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(second.filesTransferred()).isZero();
            assertThat(second.filesSkipped()).isEqualTo(24);
            assertThat(second.bytesTransferred()).isZero();

            Path changed = source.resolve("a/small-3.dat");
            byte[] sameSizeNewContent = Files.readAllBytes(changed);
            for (int i = 0; i < sameSizeNewContent.length; i++) {
                sameSizeNewContent[i] ^= 0x5a;
            }
            Files.write(changed, sameSizeNewContent);
            Files.setLastModifiedTime(changed, FileTime.from(Instant.now().minus(3, ChronoUnit.MINUTES)));
            Files.writeString(source.resolve("a/b/new.txt"), "new\n");

            RunRecord third = harness.run(job);

            assertThat(third.filesTransferred()).isEqualTo(2);
            assertThat(harness.transfers(third.runId())).filteredOn(t -> t.status() == TransferStatus.DONE)
                    .extracting(t -> t.path()).containsExactlyInAnyOrder("a/small-3.dat", "a/b/new.txt");
            assertThat(MirrorHarness.tree(target)).isEqualTo(MirrorHarness.tree(source));
            assertThat(Files.list(target.resolve("a")).map(Path::getFileName).map(Path::toString))
                    .noneMatch(name -> name.endsWith(".filesync-part"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void deletesVanishedFilesOnlyWithDelete(Function<Path, FtpServerFixture> start) throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = Files.createDirectories(server.localRoot().resolve("src/sub"));
            Files.writeString(source.resolve("stays.txt"), "stays");
            Files.writeString(source.resolve("goes.txt"), "goes");
            Path target = dir.resolve("target");
            harness.run(harness.job("keep", server, "download", "src", target));
            Files.delete(source.resolve("goes.txt"));

            RunRecord keeping = harness.run(harness.job("keep", server, "download", "src", target));
            assertThat(keeping.filesDeleted()).isZero();
            assertThat(target.resolve("sub/goes.txt")).exists();

            RunRecord deleting = harness.run(harness.job("keep", server, "download", "src", target, "delete: true"));
            assertThat(deleting.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(deleting.filesDeleted()).isEqualTo(1);
            assertThat(target.resolve("sub/goes.txt")).doesNotExist();
            assertThat(target.resolve("sub/stays.txt")).exists();
            assertThat(harness.transfer(deleting.runId(), "sub/goes.txt").status()).isEqualTo(TransferStatus.DELETED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void honoursIncludeAndExclude(Function<Path, FtpServerFixture> start) throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = Files.createDirectories(server.localRoot().resolve("src/rel/.git"));
            Files.writeString(source.resolve("../app.tar.gz"), "archive");
            Files.writeString(source.resolve("../app.sha256"), "sum");
            Files.writeString(source.resolve("../notes.txt"), "notes");
            Files.writeString(source.resolve("HEAD"), "ref");
            Files.writeString(server.localRoot().resolve("src/top.tar.gz"), "top");
            Path target = dir.resolve("target");

            RunRecord run = harness.run(harness.job("filtered", server, "download", "src", target,
                    "include: [\"**/*.tar.gz\", \"**/*.sha256\"]", "exclude: [\"**/.*\"]"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(MirrorHarness.tree(target).keySet()).containsExactlyInAnyOrder(
                    "top.tar.gz", "rel/app.tar.gz", "rel/app.sha256");
        }
    }

    private static long sizeOf(Path root) throws Exception {
        try (var walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(path -> path.toFile().length()).sum();
        }
    }
}
