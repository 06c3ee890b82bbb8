package org.filesync.ftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.filesync.testing.FaultProxy;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.FtpServers;
import org.filesync.testing.TestFiles;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActiveModeAndKeepAliveTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(FtpServers.class)
    void transfersAndListsInActiveModeFromConfiguredPortRange(FtpServers kind) throws Exception {
        try (FtpServerFixture server = kind.start(dir)) {
            FtpSessionSettings s = server.settings();
            FtpSessionSettings active = new FtpSessionSettings(s.server().toBuilder().passive(false)
                    .activeAddress("127.0.0.1").activePorts(new PortRange(41000, 41999)).build(), s.password(), s.throttle());
            Path original = TestFiles.random(dir.resolve("active.bin"), 700_001, 3);
            try (FtpSession session = new CommonsNetSessionFactory(active).open()) {
                String remote = server.remote("active.bin");
                session.store(original, remote, RestartPoint.START, TransferListener.NONE);
                Path back = dir.resolve("back.bin");
                session.retrieve(remote, back, RestartPoint.START, Files.size(original), TransferListener.NONE);

                assertThat(Files.mismatch(original, back)).isEqualTo(-1);
                assertThat(session.list(server.remoteRoot())).extracting(RemoteEntry::name).contains("active.bin");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(FtpServers.class)
    void sendsKeepAlivesDuringSlowTransferAndKeepsControlConnectionInStep(FtpServers kind) throws Exception {
        try (FtpServerFixture server = kind.start(dir);
             FaultProxy proxy = FaultProxy.start(server.host(), server.port())) {
            FtpSessionSettings s = server.settings(proxy.host(), proxy.port());
            // 2 MiB at 1 MiB/s with a NOOP due every 50 ms: keep-alives while the data flows. The
            // throttle lets up to a second's worth through at once, so the file must be larger than that.
            FtpSessionSettings throttled = new FtpSessionSettings(s.server(), s.password(), new BandwidthThrottle(1024 * 1024));
            SessionTimings frequentKeepAlive = new SessionTimings(Duration.ofMillis(50), Duration.ofSeconds(5));
            Path original = TestFiles.random(dir.resolve("slow.bin"), 2 * 1024 * 1024, 4);
            List<Long> reported = new ArrayList<>();
            try (FtpSession session = new CommonsNetSessionFactory(throttled, frequentKeepAlive).open()) {
                String remote = server.remote("slow.bin");
                session.store(original, remote, RestartPoint.START, (bytes, confirmed) -> reported.add(bytes));
                Path back = dir.resolve("slow-back.bin");
                TransferResult down = session.retrieve(remote, back, RestartPoint.START, Files.size(original),
                        TransferListener.NONE);

                assertThat(down.replyCode()).isIn(226, 250);
                assertThat(Files.mismatch(original, back)).isEqualTo(-1);
                assertThat(session.size(remote)).hasValue(Files.size(original));
                assertThat(session.isAlive()).isTrue();
                assertThat(reported).isSorted().last().isEqualTo(Files.size(original));
                List<String> sent = proxy.commands();
                assertThat(noopsAfter("STOR", sent)).as("NOOPs during the upload in %s", sent).isPositive();
                assertThat(noopsAfter("RETR", sent)).as("NOOPs during the download in %s", sent).isPositive();
            }
        }
    }

    /** The NOOPs between the {@code verb} command and the next command that is not a NOOP. */
    private static long noopsAfter(String verb, List<String> commands) {
        return commands.stream().dropWhile(command -> !command.startsWith(verb + " ")).skip(1)
                .takeWhile("NOOP"::equals).count();
    }
}
