package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.filesync.history.RunTrigger;
import org.filesync.batch.RunProgress;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.history.TransferRecord;
import org.filesync.history.TransferStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.ReplyScriptServer;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cut connections, a refused file, a hostile listing, and many files over parallel sessions. */
class MirrorFaultsTest {

    @TempDir
    Path dir;

    @Test
    void downloadCutRepeatedlyStillCompletesWithinRetries() throws Exception {
        byte[] content = new byte[8 << 20];
        new Random(5).nextBytes(content);
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("big.bin"), content);
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            Thread cutter = new Thread(() -> {
                for (int i = 0; i < 3 && !Thread.currentThread().isInterrupted(); i++) {
                    proxy.failNextDataConnection(FaultProxy.Fault.cut(FaultProxy.Direction.TO_CLIENT, 1_500_000));
                    while (proxy.dataFaultArmed() && !Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait();
                    }
                }
            });
            cutter.setDaemon(true);
            cutter.start();

            RunRecord run = harness.run(harness.job("cuts", server, proxy.port(), "download", "", dir.resolve("target"),
                    "retries: 5"));

            cutter.interrupt();
            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/big.bin"))).isEqualTo(content);
            TransferRecord transfer = harness.transfer(run.runId(), "big.bin");
            assertThat(transfer.attempts()).isEqualTo(4);
            assertThat(transfer.resumedFrom()).isPositive();
        }
    }

    @Test
    void stalledDownloadTimesOutAndResumesWithinTheRun() throws Exception {
        byte[] content = new byte[4 << 20];
        new Random(8).nextBytes(content);
        Path served = Files.createDirectories(dir.resolve("server"));
        Files.write(served.resolve("stalls.bin"), content);
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.failNextDataConnection(FaultProxy.Fault.stall(FaultProxy.Direction.TO_CLIENT, 1_000_000));

            RunRecord run = harness.run(harness.job("stall", server, proxy.port(), "download", "", dir.resolve("target"),
                    "  idleTimeout: 2s"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(dir.resolve("target/stalls.bin"))).isEqualTo(content);
            TransferRecord transfer = harness.transfer(run.runId(), "stalls.bin");
            assertThat(transfer.attempts()).isEqualTo(2);
            assertThat(transfer.resumedFrom()).isEqualTo(1_000_000);
        }
    }

    @Test
    void missingRemoteRootFailsTheRunInsteadOfDeletingTheMirror() throws Exception {
        try (VsftpdServer server = VsftpdServer.start(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Files.createDirectories(server.localRoot().resolve("pub"));
            Files.writeString(server.localRoot().resolve("pub/kept.txt"), "kept");
            Path target = dir.resolve("target");
            harness.run(harness.job("renamed", server, "download", "pub", target, "delete: true"));

            // the vendor renames the folder (or the job file has a typo): vsftpd lists it as empty
            RunRecord run = harness.run(harness.job("renamed", server, "download", "pub-renamed", target, "delete: true"));

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).contains("pub-renamed", "does not exist");
            assertThat(target.resolve("kept.txt")).hasContent("kept");
        }
    }

    @Test
    void emptySourceNeverDeletesTheMirror() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.writeString(served.resolve("a.txt"), "a");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path target = dir.resolve("target");
            harness.run(harness.job("emptied", server, "download", "pub", target, "delete: true"));
            Files.delete(served.resolve("a.txt"));

            RunRecord run = harness.run(harness.job("emptied", server, "download", "pub", target, "delete: true"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.filesDeleted()).isZero();
            assertThat(target.resolve("a.txt")).hasContent("a");
        }
    }

    @Test
    void passiveReplyWithAnImpossiblePortFailsTheRunAndDeletesNothing() throws Exception {
        try (ReplyScriptServer server = ReplyScriptServer.start();
             MirrorHarness harness = new MirrorHarness(dir)) {
            server.reply("EPSV", "229 Entering Extended Passive Mode (|||99999|)");
            Path target = Files.createDirectories(dir.resolve("target"));
            Files.writeString(target.resolve("mine.txt"), "mine");

            RunRecord run = harness.run(harness.job("badport", "u", "p", server.port(), "", "download", target,
                    "delete: true", "retries: 0"));

            assertThat(run.status()).isEqualTo(RunStatus.FAILED);
            assertThat(run.error()).contains("no valid port");
            assertThat(target.resolve("mine.txt")).hasContent("mine");
        }
    }

    @Test
    void dryRunOfAnUploadCreatesNothingOnTheServer() throws Exception {
        Path source = Files.createDirectories(dir.resolve("outgoing"));
        Files.writeString(source.resolve("report.csv"), "1,2,3");
        try (ApacheFtpServer server = ApacheFtpServer.start(Files.createDirectories(dir.resolve("server")));
             MirrorHarness harness = new MirrorHarness(dir)) {
            MirrorPlan plan = harness.runner().dryRun(harness.job("up", server, "upload", "new/deeper", source));

            assertThat(plan.transfers()).extracting(PlannedFile::path).containsExactly("report.csv");
            assertThat(server.localRoot().resolve("new")).doesNotExist();
        }
    }

    @Test
    void permanentRefusalOfOneFileFailsThatFileOnlyAndTheRunGoesOn() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/pub"));
        Files.writeString(served.resolve("good-1.txt"), "one");
        Files.writeString(served.resolve("bad.bin"), "refused");
        Files.writeString(served.resolve("good-2.txt"), "two");
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.answerInstead("RETR /pub/bad.bin", "550 bad.bin: Permission denied");

            RunRecord run = harness.run(harness.job("refused", server, proxy.port(), "download", "pub",
                    dir.resolve("target"), "retries: 2"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(run.filesTransferred()).isEqualTo(2);
            assertThat(run.filesFailed()).isEqualTo(1);
            TransferRecord bad = harness.transfer(run.runId(), "bad.bin");
            assertThat(bad.status()).isEqualTo(TransferStatus.FAILED);
            assertThat(bad.replyCode()).isEqualTo(550);
            assertThat(bad.attempts()).isEqualTo(1);
            assertThat(bad.message()).contains("550", "Permission denied");
            assertThat(dir.resolve("target/bad.bin")).doesNotExist();
            assertThat(dir.resolve("target/good-1.txt")).hasContent("one");
            assertThat(dir.resolve("target/good-2.txt")).hasContent("two");
        }
    }

    @Test
    void hostileListingWritesNothingOutsideTheRootAndRecordsEachEntryFailed() throws Exception {
        try (ReplyScriptServer server = ReplyScriptServer.start();
             MirrorHarness harness = new MirrorHarness(dir)) {
            server.data(String.join("\r\n",
                    "-rw-r--r--   1 ftp ftp  5 Nov 20 10:00 ../x",
                    "-rw-r--r--   1 ftp ftp  5 Nov 20 10:00 a/../../b",
                    "drwxr-xr-x   2 ftp ftp  0 Nov 20 10:00 ..",
                    "-rw-r--r--   1 ftp ftp  5 Nov 20 10:00 evil\u0001name",
                    "") + "\r\n");
            Path root = Files.createDirectories(dir.resolve("target/root"));

            RunRecord run = harness.run(harness.job("hostile", "u", "p", server.port(), "", "download", root));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED_WITH_ERRORS);
            assertThat(dir.resolve("target/x")).doesNotExist();
            assertThat(dir.resolve("b")).doesNotExist();
            assertThat(dir.resolve("target/b")).doesNotExist();
            // evil\u0001name is a name filesync may use: longer than listed, it is fetched again as it is, inside the root
            try (var names = Files.list(root)) {
                assertThat(names.map(path -> path.getFileName().toString())).isSubsetOf("evil\u0001name");
            }
            Set<String> failed = harness.transfers(run.runId()).stream()
                    .filter(t -> t.status() == TransferStatus.FAILED)
                    .peek(t -> assertThat(t.message()).isNotBlank())
                    .map(TransferRecord::path).collect(Collectors.toSet());
            assertThat(failed).contains("../x", "a/../../b");
        }
    }

    @Test
    void thousandFilesOverFourSessionsAreAllCorrectAndEachRecordedOnce() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server"));
        Random random = new Random(9);
        for (int i = 0; i < 1000; i++) {
            Path file = served.resolve("d" + (i % 20) + "/f" + i + ".dat");
            Files.createDirectories(file.getParent());
            byte[] data = new byte[random.nextInt(2048)];
            random.nextBytes(data);
            Files.write(file, data);
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(served);
             MirrorHarness harness = new MirrorHarness(dir)) {
            RunRecord run = harness.run(harness.job("many", server, "download", "", dir.resolve("target"), "parallel: 4"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(run.filesTransferred()).isEqualTo(1000);
            assertThat(MirrorHarness.tree(dir.resolve("target"))).isEqualTo(MirrorHarness.tree(served));
            var transfers = harness.transfers(run.runId());
            assertThat(transfers).hasSize(1000);
            assertThat(transfers.stream().map(TransferRecord::path).distinct().count()).isEqualTo(1000);
            assertThat(transfers).allSatisfy(t -> {
                assertThat(t.status()).isEqualTo(TransferStatus.DONE);
                assertThat(t.attempts()).isEqualTo(1);
            });
        }
    }

    @Test
    void stopBeforeTheDeletesEndsTheRunStoppedAndDeletesNothing() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/src"));
        Files.writeString(served.resolve("stays.txt"), "stays");
        Path target = Files.createDirectories(dir.resolve("target"));
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            var job = harness.job("stop", server, "download", "src", target, "delete: true");
            harness.run(job);
            Files.writeString(target.resolve("vanished.txt"), "gone from the source");
            StopRequest stop = new StopRequest();
            RunProgress stopOncePlanned = new RunProgress() {
                @Override
                public void planned(int files, long bytes) {
                    stop.request(); // SIGTERM after the plan: the transfer step has nothing to move
                }
            };

            RunRecord run = harness.runner().run(job, RunTrigger.manual("tester"), stopOncePlanned, stop);

            assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
            assertThat(run.filesDeleted()).isZero();
            assertThat(target.resolve("vanished.txt")).exists();
        }
    }

    @Test
    void stopWhileAListingStallsEndsTheRunStoppedWithoutFailingTheFolder() throws Exception {
        Path served = Files.createDirectories(dir.resolve("server/src/many"));
        for (int i = 0; i < 300; i++) {
            Files.writeString(served.resolve("file-with-a-longish-name-%03d.txt".formatted(i)), "x");
        }
        try (ApacheFtpServer server = ApacheFtpServer.start(dir.resolve("server"));
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            // the root's short listing passes; the long one of "many" stalls, and idleTimeout is far off
            proxy.failNextDataConnection(FaultProxy.Fault.stall(FaultProxy.Direction.TO_CLIENT, 5000));
            var job = harness.job("stalled", server, proxy.port(), "download", "src", dir.resolve("target"),
                    "  idleTimeout: 120s");
            StopRequest stop = new StopRequest();
            Thread stopper = new Thread(() -> {
                while (proxy.dataFaultArmed()) {
                    Thread.onSpinWait();
                }
                stop.request();
            });
            stopper.start();

            RunRecord run = harness.runner().run(job, RunTrigger.manual("tester"), RunProgress.NONE, stop);

            stopper.join();
            assertThat(run.status()).isEqualTo(RunStatus.STOPPED);
            assertThat(harness.transfers(run.runId())).noneMatch(t -> t.status() == TransferStatus.FAILED);
        }
    }
}
