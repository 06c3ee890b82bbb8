package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * pure-ftpd (Debian) standalone on a free loopback port with one virtual user chrooted into a
 * folder owned by "ftp": MLSD, REST, and the habit of never sending the final reply after a
 * client drops a RETR's data connection. Debian's pure-ftpd conflicts with vsftpd as a package,
 * so CI unpacks it into {@code /opt/pure-ftpd} instead of installing it; an installed one in
 * /usr/sbin works too. Skips the test when neither is there.
 */
public final class PureFtpdServer extends OneUserServer {

    public static final String USER = "tester";
    public static final String PASSWORD = "secret-pw";
    private static final List<Path> PREFIXES = List.of(Path.of("/opt/pure-ftpd/usr"), Path.of("/usr"));

    private PureFtpdServer(ServerProcess process, Path root) {
        super("pure-ftpd", process::port, process, root, USER, PASSWORD);
    }

    /** Serves a fresh folder under {@code base}; {@code extraOptions} ("-C", "2") go on its command line. */
    public static PureFtpdServer start(Path base, String... extraOptions) {
        Path prefix = PREFIXES.stream().filter(p -> Files.isExecutable(p.resolve("sbin/pure-ftpd"))).findFirst().orElse(null);
        Assumptions.assumeTrue(prefix != null, "pure-ftpd is not there (.ci/run unpacks it into /opt/pure-ftpd)");
        try {
            Path root = Files.createDirectories(base.resolve("root"));
            FtpSystemUser ftp = FtpSystemUser.owning(root);
            Path passwd = base.resolve("pureftpd.passwd");
            Path database = base.resolve("pureftpd.pdb");
            Files.writeString(passwd, USER + ":" + FtpSystemUser.cryptHash(PASSWORD) + ":" + ftp.uid() + ":" + ftp.gid()
                    + "::" + root + "/./::::::::::::\n");
            FtpSystemUser.run(List.of(prefix.resolve("bin/pure-pw").toString(), "mkdb", database.toString(), "-f",
                    passwd.toString()));
            // -E: no anonymous logins; -R: no CHMOD; -Y 0: no TLS; -H: no reverse lookups of clients.
            ServerProcess process = ServerProcess.start(port -> Stream.concat(Stream.of(
                    prefix.resolve("sbin/pure-ftpd").toString(), "-S", "127.0.0.1," + port, "-l", "puredb:" + database,
                    "-E", "-R", "-H", "-Y", "0"), Stream.of(extraOptions)).toList(), base.resolve("pure-ftpd.log"));
            return new PureFtpdServer(process, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
