package org.filesync.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
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
 * A job whose URL names a host that resolves to ::1 only, not the literal {@code [::1]}: passive
 * (EPSV) and active (EPRT |2|::1|...|) mode. The name lives in a hosts file the test writes and the
 * filesync process reads instead of the machine's resolver (the JDK's {@code jdk.net.hosts.file}),
 * so neither /etc/hosts nor DNS is involved; a name under .test never resolves anywhere else.
 */
class Ipv6HostNameTest {

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
        return Stream.of(
                Arguments.of("pyftpdlib", pyftpdlib, "passive: true"),
                Arguments.of("pyftpdlib", pyftpdlib, "passive: false"),
                Arguments.of("vsftpd", vsftpd, "passive: true"),
                Arguments.of("vsftpd", vsftpd, "passive: false"));
    }

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
