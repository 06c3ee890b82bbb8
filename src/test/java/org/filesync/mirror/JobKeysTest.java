package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.TestCertificate;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job keys that change how a mirror talks or decides, each shown to work end to end. */
class JobKeysTest {

    @TempDir
    Path dir;

    @Test
    void explicitTlsWithTheServersCertificateMirrorsFromVsftpdRequiringSessionReuse() throws Exception {
        TestCertificate certificate = TestCertificate.forLoopback(Files.createDirectories(dir.resolve("cert")));
        try (VsftpdServer server = VsftpdServer.startTls(dir.resolve("server"), certificate, false);
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = Files.createDirectories(server.localRoot().resolve("src/sub"));
            Files.write(source.resolve("data.bin"), new byte[300_000]);
            Files.writeString(source.resolve("note.txt"), "over TLS");

            RunRecord run = harness.run(harness.job("tls", server, "download", "src", dir.resolve("target"),
                    "  tls: explicit", "  certificate: " + certificate.certificatePem(), "parallel: 2"));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(MirrorHarness.tree(dir.resolve("target"))).isEqualTo(MirrorHarness.tree(server.localRoot().resolve("src")));
        }
    }

    @Test
    void untrustedCertificateIsAFailedRunSayingSo() throws Exception {
        TestCertificate certificate = TestCertificate.forLoopback(Files.createDirectories(dir.resolve("cert")));
        try (VsftpdServer server = VsftpdServer.startTls(dir.resolve("server"), certificate, false);
             MirrorHarness harness = new MirrorHarness(dir)) {
            Files.createDirectories(server.localRoot().resolve("src"));

            RunRecord run = harness.run(harness.job("untrusted", server, "download", "src", dir.resolve("target"),
                    "  tls: explicit"));

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).containsIgnoringCase("certificate");
        }
    }

    @Test
    void activeModeMirrorsThroughEprtFromTheConfiguredPortRange() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.write(served.resolve("a.bin"), new byte[200_000]);
        Files.writeString(served.resolve("b.txt"), "b");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("active", server, "download", "pub", dir.resolve("target"),
                    "  passive: false", "  activeAddress: 127.0.0.1", "  activePorts: 42100-42140"));

            assertThat(run.status()).as(String.valueOf(run.error())).isEqualTo(RunStatus.COMPLETED);
            assertThat(MirrorHarness.tree(dir.resolve("target"))).isEqualTo(MirrorHarness.tree(served));
        }
    }

    @Test
    void maxFailuresStopsTheRunAndSaysWhy() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        for (int i = 1; i <= 4; i++) {
            Files.write(served.resolve("f" + i + ".bin"), new byte[1000 * i]);
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            for (int i = 1; i <= 4; i++) {
                proxy.answerInstead("RETR /pub/f" + i + ".bin", "550 no access");
            }

            RunRecord run = harness.run(harness.job("limit", server, proxy.port(), "download", "pub",
                    dir.resolve("target"), "maxFailures: 2"));

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).isEqualTo("too many failed files (2)");
            assertThat(run.filesFailed()).isEqualTo(2);
            assertThat(harness.transfers(run.runId())).filteredOn(t -> t.status() == TransferStatus.PENDING).hasSize(2);
        }
    }

    @Test
    void checksumThatDiffersFromTheServersFailsTheFileAndKeepsTheTargetClean() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.writeString(served.resolve("f.txt"), "content");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord good = harness.run(harness.job("sum", server, proxy.port(), "download", "pub",
                    dir.resolve("target"), "verify: checksum", "retries: 1"));
            assertThat(good.status()).isEqualTo(RunStatus.COMPLETED);

            Files.writeString(served.resolve("g.txt"), "other");
            for (String command : new String[] {"XMD5", "MD5"}) {
                proxy.answerInstead(command + " /pub/g.txt", "251 /pub/g.txt 00112233445566778899aabbccddeeff");
            }
            RunRecord bad = harness.run(harness.job("sum", server, proxy.port(), "download", "pub",
                    dir.resolve("target"), "verify: checksum", "retries: 1"));

            assertThat(bad.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            TransferRecord g = harness.transfer(bad.runId(), "g.txt");
            assertThat(g.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(g.message()).contains("checksum differs");
            assertThat(dir.resolve("target/g.txt")).doesNotExist();
        }
    }

    @Test
    void fullDiskFailsTheFileWithAClearMessageAndLosesNothing() throws Exception {
        Path target = Files.createDirectories(dir.resolve("small-disk"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", target.toString())
                .redirectErrorStream(true).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mount.waitFor() == 0, "cannot mount a tmpfs here (needs root)");
        try {
            Path served = Files.createDirectories(dir.resolve("server/pub"));
            byte[] big = new byte[3 << 20];
            new Random(1).nextBytes(big);
            Files.write(served.resolve("big.bin"), big);
            Files.writeString(served.resolve("small.txt"), "fits");
            try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
                 MirrorHarness harness = new MirrorHarness(dir)) {
                RunRecord run = harness.run(harness.job("full", server, "download", "pub", target));

                assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
                TransferRecord bigTransfer = harness.transfer(run.runId(), "big.bin");
                assertThat(bigTransfer.status()).isEqualTo(TransferStatus.FAILED);
                assertThat(bigTransfer.message()).containsIgnoringCase("no space left");
                assertThat(target.resolve("big.bin")).doesNotExist();
                assertThat(target.resolve("small.txt")).hasContent("fits");
            }
        } finally {
            new ProcessBuilder("umount", target.toString()).start().waitFor();
        }
    }
}
