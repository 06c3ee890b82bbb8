package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.ProftpdServer;
import org.filesync.testing.TestFiles;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * {@code verify: checksum} end to end, against ProFTPD's mod_digest (HASH, XSHA*, XMD5, MD5 and
 * XCRC, each computed by the real server) and against vsftpd, which has no checksum command.
 */
class ChecksumVerificationTest {

    @TempDir
    Path dir;

    /** Each command, with the algorithm it answers in; a proxy's FEAT offers only that one, HASH keeps ProFTPD's own. */
    static Stream<Arguments> commands() {
        return Stream.of(Arguments.of("HASH", "SHA-1"), Arguments.of("XSHA256", "SHA-256"),
                Arguments.of("XSHA512", "SHA-512"), Arguments.of("XSHA1", "SHA-1"), Arguments.of("XSHA", "SHA-1"),
                Arguments.of("XMD5", "MD5"), Arguments.of("MD5", "MD5"), Arguments.of("XCRC", "CRC32"));
    }

    private static void offerOnly(FaultProxy proxy, String command) {
        if (!command.equals("HASH")) {
            proxy.answerInstead("FEAT", "211-Features:\r\n MLST modify*;perm*;size*;type*;\r\n SIZE\r\n MDTM\r\n "
                    + command + "\r\n211 End");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void verifiesEachDownloadedFileWithTheServersChecksum(String command, String algorithm) throws Exception {
        try (ProftpdServer server = ProftpdServer.start(dir.resolve("server"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            offerOnly(proxy, command);
            TestFiles.random(server.localRoot().resolve("src/a.bin"), 300_000, 1);
            TestFiles.random(server.localRoot().resolve("src/sub/b.bin"), 1_000, 2);

            RunRecord run = harness.run(harness.job("sums", server, proxy.port(), "download", "src",
                    dir.resolve("target"), "verify: checksum"));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            // no note: each file's checksum was compared, none fell back to its size
            assertThat(harness.transfers(run.runId())).hasSize(2).allSatisfy(transfer -> {
                assertThat(transfer.status()).isEqualTo(TransferStatus.DONE);
                assertThat(transfer.message()).isNull();
            });
            assertThat(MirrorHarness.tree(dir.resolve("target")))
                    .isEqualTo(MirrorHarness.tree(server.localRoot().resolve("src")));
        }
    }

    /**
     * The first run is cut midway and leaves a partial file, whose bytes then rot on the local
     * disk; the second run resumes it, the size is right, and only the checksum can tell.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void failsAFileWhoseBytesDifferFromTheServers(String command, String algorithm) throws Exception {
        try (ProftpdServer server = ProftpdServer.start(dir.resolve("server"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            offerOnly(proxy, command);
            TestFiles.random(server.localRoot().resolve("src/big.bin"), 1_000_000, 3);
            Path target = dir.resolve("target");
            proxy.failNextDataConnection(FaultProxy.Fault.cut(FaultProxy.Direction.TO_CLIENT, 400_000));
            RunRecord cut = harness.run(harness.job("rot", server, proxy.port(), "download", "src", target,
                    "verify: checksum", "retries: 0"));
            assertThat(harness.transfer(cut.runId(), "big.bin").status()).isEqualTo(TransferStatus.FAILED);
            try (RandomAccessFile partial = new RandomAccessFile(target.resolve(".big.bin.filesync-part").toFile(), "rw")) {
                partial.seek(1000);
                partial.write(new byte[100]);
            }

            RunRecord run = harness.run(harness.job("rot", server, proxy.port(), "download", "src", target,
                    "verify: checksum", "retries: 0"));

            TransferRecord big = harness.transfer(run.runId(), "big.bin");
            assertThat(big.resumedFrom()).isPositive();
            assertThat(big.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(big.message()).contains(algorithm + " checksum differs from the server's");
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(target.resolve("big.bin")).doesNotExist();
        }
    }

    @Test
    void verifiesAnUploadBeforeItGetsItsName() throws Exception {
        try (ProftpdServer server = ProftpdServer.start(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = dir.resolve("outgoing");
            TestFiles.random(source.resolve("up.bin"), 200_000, 4);

            RunRecord run = harness.run(harness.job("up", server, "upload", "in", source, "verify: checksum"));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            TransferRecord up = harness.transfer(run.runId(), "up.bin");
            assertThat(up.status()).isEqualTo(TransferStatus.DONE);
            assertThat(up.message()).isNull();
            assertThat(MirrorHarness.tree(server.localRoot().resolve("in"))).isEqualTo(MirrorHarness.tree(source));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // the reply as filesync once read it: a comment line where the checksum belongs
            "213 Computing SHA-1 digest",
            "213 TIGER 0-7 0123456789abcdef0123456789abcdef0123456789abcdef f.txt"})
    void failsAFileWhoseChecksumReplyCannotBeCompared(String reply) throws Exception {
        try (ProftpdServer server = ProftpdServer.start(dir.resolve("server"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            Files.createDirectories(server.localRoot().resolve("src"));
            Files.writeString(server.localRoot().resolve("src/f.txt"), "content");
            proxy.answerInstead("HASH /src/f.txt", reply);

            RunRecord run = harness.run(harness.job("unreadable", server, proxy.port(), "download", "src",
                    dir.resolve("target"), "verify: checksum"));

            TransferRecord f = harness.transfer(run.runId(), "f.txt");
            assertThat(f.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(f.message()).startsWith("cannot compare the server's checksum");
            assertThat(f.attempts()).isEqualTo(1);
            assertThat(dir.resolve("target/f.txt")).doesNotExist();
        }
    }

    @Test
    void aServerWithoutChecksumsGetsTheSizeCheckAndEachFileAndTheRunSaySo() throws Exception {
        Logger journal = (Logger) LoggerFactory.getLogger("org.filesync.batch.ProgressCheckpoints");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        journal.addAppender(log);
        try (VsftpdServer server = VsftpdServer.start(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            for (int i = 0; i < 3; i++) {
                TestFiles.random(server.localRoot().resolve("src/f" + i + ".bin"), 10_000 + i, i);
            }

            RunRecord run = harness.run(harness.job("nosums", server, "download", "src", dir.resolve("target"),
                    "verify: checksum", "parallel: 2"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(harness.transfers(run.runId())).hasSize(3).allSatisfy(transfer -> {
                assertThat(transfer.status()).isEqualTo(TransferStatus.DONE);
                assertThat(transfer.message()).startsWith("checksum not compared, size only: "
                        + "the server offers no checksum command");
            });
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN)
                    .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                    .contains("run " + run.runId()).contains("falls back to the size check");
        } finally {
            journal.detachAppender(log);
        }
    }
}
