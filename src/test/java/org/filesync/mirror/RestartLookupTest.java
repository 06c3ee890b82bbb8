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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload cut mid-file, then SIZE of its remote partial (where to resume) refused once. */
class RestartLookupTest {

    private static final int CUT_AT = 1_500_000;

    @TempDir
    Path dir;

    @Test
    void aTransientlyRefusedLookupIsMadeAgainAtTheNextAttemptRatherThanRestartingFromZero() throws Exception {
        TransferRecord upload = uploadCutOnceWithPartialSizeAnsweredOnce("450 busy, try later");

        assertThat(upload.status()).isEqualTo(TransferStatus.DONE);
        assertThat(upload.attempts()).isEqualTo(3);
        assertThat(upload.resumedFrom()).isPositive();
    }

    @Test
    void aPermanentlyRefusedLookupSendsTheFileWholeAndSaysSoInItsHistory() throws Exception {
        TransferRecord upload = uploadCutOnceWithPartialSizeAnsweredOnce("502 SIZE not allowed here");

        assertThat(upload.status()).isEqualTo(TransferStatus.DONE);
        assertThat(upload.resumedFrom()).isZero();
        assertThat(upload.message()).contains("cannot find where to resume", "502", "sent whole");
    }

    private TransferRecord uploadCutOnceWithPartialSizeAnsweredOnce(String reply) throws Exception {
        byte[] content = new byte[6 << 20];
        new Random(3).nextBytes(content);
        Path source = Files.createDirectories(dir.resolve("outgoing"));
        Files.write(source.resolve("big.bin"), content);
        Path served = Files.createDirectories(dir.resolve("server/up"));
        try (ApacheFtpServer server = ApacheFtpServer.start(served.getParent());
             FaultProxy proxy = FaultProxy.start("127.0.0.1", server.port());
             MirrorHarness harness = new MirrorHarness(dir)) {
            proxy.failNextDataConnection(FaultProxy.Fault.cut(FaultProxy.Direction.TO_SERVER, CUT_AT));
            proxy.answerOnceInstead("SIZE /up/.big.bin.filesync-part", reply);

            RunRecord run = harness.run(harness.job("up", server, proxy.port(), "upload", "up", source, "retries: 3"));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(Files.readAllBytes(served.resolve("big.bin"))).isEqualTo(content);
            return harness.transfer(run.runId(), "big.bin");
        }
    }
}
