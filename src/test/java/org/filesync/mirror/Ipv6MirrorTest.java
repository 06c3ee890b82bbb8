package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.filesync.history.RunRecord;
import org.filesync.history.RunStatus;
import org.filesync.testing.ApacheFtpServer;
import org.filesync.testing.FilesyncProcess;
import org.filesync.testing.FtpServerFixture;
import org.filesync.testing.Ipv6Loopback;
import org.filesync.testing.JobFiles;
import org.filesync.testing.MirrorHarness;
import org.filesync.testing.PyFtpdServer;
import org.filesync.testing.VsftpdServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mirrors to and from servers (vsftpd, pyftpdlib, Apache FtpServer) that listen on ::1 alone, in passive mode (EPSV) and active mode
 * (EPRT |2|::1|port|, which pyftpdlib refuses with 501 unless the address is written as RFC 5952 has it).
 */
class Ipv6MirrorTest {

    private static final String HOST = "ftp6.filesync.test";

    @TempDir
    Path dir;

    @BeforeEach
    void needsIpv6Loopback() {
        Ipv6Loopback.assumeAvailable();
    }

    static Stream<Arguments> serversAndModes() {
        Function<Path, FtpServerFixture> pyftpdlib = root -> PyFtpdServer.start(root, Ipv6Loopback.ADDRESS);
        Function<Path, FtpServerFixture> vsftpd = VsftpdServer::startIpv6;
        Function<Path, FtpServerFixture> apache = root -> ApacheFtpServer.start(root, Ipv6Loopback.ADDRESS);
        return Stream.of(
                Arguments.of("Apache FtpServer", apache, "passive: true"),
                Arguments.of("Apache FtpServer", apache, "passive: false"),
                Arguments.of("pyftpdlib", pyftpdlib, "passive: true"),
                Arguments.of("pyftpdlib", pyftpdlib, "passive: false"),
                Arguments.of("vsftpd", vsftpd, "passive: true"),
                Arguments.of("vsftpd", vsftpd, "passive: false"));
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("serversAndModes")
    void downloadsTreeFromServerOnIpv6Loopback(String name, Function<Path, FtpServerFixture> start, String mode)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            DownloadMirrorTest.writeTree(server.localRoot().resolve("pub"));
            Path target = dir.resolve("mirror");

            RunRecord run = harness.run(harness.job("down6", server, "download", "pub", target, "  " + mode));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(MirrorHarness.tree(target)).isEqualTo(MirrorHarness.tree(server.localRoot().resolve("pub")));
        }
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("serversAndModes")
    void uploadsTreeToServerOnIpv6Loopback(String name, Function<Path, FtpServerFixture> start, String mode)
            throws Exception {
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = dir.resolve("outgoing");
            DownloadMirrorTest.writeTree(source);

            RunRecord run = harness.run(harness.job("up6", server, "upload", "in", source, "  " + mode));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(MirrorHarness.tree(server.localRoot().resolve("in"))).isEqualTo(MirrorHarness.tree(source));
        }
    }

    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("serversAndModes")
    void resumesDownloadFromPartialFileOverIpv6(String name, Function<Path, FtpServerFixture> start, String mode)
            throws Exception {
        byte[] content = new byte[2 << 20];
        new Random(6).nextBytes(content);
        int kept = 1 << 20;
        try (FtpServerFixture server = start.apply(dir.resolve("server"));
             MirrorHarness harness = new MirrorHarness(dir)) {
            Path source = Files.createDirectories(server.localRoot().resolve("pub")).resolve("big.bin");
            Files.write(source, content);
            Instant modified = Instant.parse("2020-02-03T04:05:06Z");
            Files.setLastModifiedTime(source, FileTime.from(modified));
            Path target = Files.createDirectories(dir.resolve("mirror"));
            Files.write(target.resolve(SafePaths.partialName("big.bin")), Arrays.copyOf(content, kept));
            Files.writeString(target.resolve(SafePaths.stampName("big.bin")),
                    new PartialStamp(new SyncState(content.length, modified)).text());

            RunRecord run = harness.run(harness.job("resume6", server, "download", "pub", target, "  " + mode));

            assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
            assertThat(harness.transfer(run.runId(), "big.bin").resumedFrom()).isEqualTo(kept);
            assertThat(Files.readAllBytes(target.resolve("big.bin"))).isEqualTo(content);
        }
    }

    /**
     * A URL naming a host that resolves to ::1 only, not the literal {@code [::1]}. The name lives in a
     * hosts file the test writes and the filesync process reads instead of the machine's resolver
     * (the JDK's {@code jdk.net.hosts.file}), so neither /etc/hosts nor DNS is involved; a name under
     * .test never resolves anywhere else.
     */
    @ParameterizedTest(name = "{0}, {2}")
    @MethodSource("serversAndModes")
    void downloadsFromAHostNameThatResolvesToIpv6Only(String name, Function<Path, FtpServerFixture> start, String mode)
            throws Exception {
        // the machine's own name too: the H2 file database (AUTO_SERVER) looks it up
        Path hosts = Files.writeString(dir.resolve("hosts"), Ipv6Loopback.ADDRESS + " " + HOST + "\n"
                + "127.0.0.1 localhost " + InetAddress.getLocalHost().getHostName() + "\n");
        try (FtpServerFixture server = start.apply(dir.resolve("server"))) {
            DownloadMirrorTest.writeTree(server.localRoot().resolve("pub"));
            JobFiles.write(dir.resolve("jobs"), "six.yaml",
                    "remote:",
                    "  url: ftp://" + server.username() + "@" + HOST + ":" + server.port() + "/"
                            + JobFiles.urlPath(server.remote("pub")),
                    "  password: ${FTP_PASSWORD}",
                    "  " + mode,
                    "local:",
                    "  path: ../mirror");
            FilesyncProcess filesync = FilesyncProcess.withJvmOptions(dir,
                    Map.of("FTP_PASSWORD", server.password(), "FILESYNC_DB_URL", "jdbc:h2:file:" + dir.resolve("data/filesync")),
                    List.of("-Djdk.net.hosts.file=" + hosts));

            FilesyncProcess.Result run = filesync.run("run", "six");

            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(MirrorHarness.tree(dir.resolve("mirror"))).isEqualTo(MirrorHarness.tree(server.localRoot().resolve("pub")));
        }
    }
}
