package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/**
 * ProFTPD 1.3.8 (Debian's proftpd-core) in the foreground on a free loopback port, one virtual
 * user chrooted into a folder owned by "ftp", with mod_digest loaded: the server here that offers
 * HASH (answered on two lines, {@code 213-Computing SHA-1 digest} first), XCRC, XMD5, MD5 and
 * XSHA*, besides MLSD and REST. Everything it writes stays under its folder. proftpd-core conflicts
 * with vsftpd as a package, so CI unpacks it into {@code /opt/proftpd} instead of installing it;
 * an installed one in /usr/sbin works too. Skips the test when neither is there.
 */
public final class ProftpdServer extends OneUserServer {

    public static final String USER = "tester";
    public static final String PASSWORD = "secret-pw";
    private static final List<Path> PREFIXES = List.of(Path.of("/opt/proftpd/usr"), Path.of("/usr"));

    private ProftpdServer(ServerProcess process, Path root) {
        super("ProFTPD", process::port, process, root, USER, PASSWORD);
    }

    /** Serves a fresh folder under {@code base}. */
    public static ProftpdServer start(Path base) {
        Path prefix = PREFIXES.stream().filter(p -> Files.isExecutable(p.resolve("sbin/proftpd"))
                && Files.exists(p.resolve("lib/proftpd/mod_digest.so"))).findFirst().orElse(null);
        Assumptions.assumeTrue(prefix != null, "ProFTPD is not there (.ci/run unpacks it into /opt/proftpd)");
        try {
            Path root = Files.createDirectories(base.resolve("root"));
            FtpSystemUser ftp = FtpSystemUser.owning(root);
            reachableByAll(root);
            Path passwd = base.resolve("proftpd.passwd");
            Files.writeString(passwd, USER + ":" + FtpSystemUser.cryptHash(PASSWORD) + ":" + ftp.uid() + ":" + ftp.gid()
                    + "::" + root + ":/bin/false\n");
            // ProFTPD refuses a password file that others may write, and warns about one they may read.
            Files.setPosixFilePermissions(passwd, PosixFilePermissions.fromString("rw-------"));
            ServerProcess process = ServerProcess.start(port -> {
                Path config = base.resolve("proftpd-" + port + ".conf");
                try {
                    Files.writeString(config, config(prefix, base, passwd, port));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return List.of(prefix.resolve("sbin/proftpd").toString(), "--nodaemon", "--config", config.toString());
            }, base.resolve("proftpd.log"));
            return new ProftpdServer(process, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * ProFTPD enters the user's home with the user's own rights, not as root as pure-ftpd and vsftpd
     * do: every folder above it must let others pass (a test's temporary folder lets only its owner).
     */
    private static void reachableByAll(Path root) throws IOException {
        for (Path folder = root.getParent(); folder != null; folder = folder.getParent()) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder);
            if (permissions.add(PosixFilePermission.OTHERS_EXECUTE)) {
                Files.setPosixFilePermissions(folder, permissions);
            }
        }
    }

    /** Defaults kept where they are what users meet (REST for STOR refused, mod_digest's cache on). */
    private static String config(Path prefix, Path base, Path passwd, int port) {
        return """
                ServerType standalone
                ServerName "filesync test"
                UseIPv6 off
                DefaultAddress 127.0.0.1
                SocketBindTight on
                Port %d
                User ftp
                Group ftp
                PidFile %s
                ScoreboardFile %s
                SystemLog %s
                TransferLog none
                WtmpLog off
                DelayTable none
                UseReverseDNS off
                AuthPAM off
                AuthOrder mod_auth_file.c
                AuthUserFile %s
                RequireValidShell off
                DefaultRoot ~
                Umask 022
                AllowOverwrite on
                <IfModule mod_ctrls.c>
                  ControlsEngine off
                </IfModule>
                <IfModule mod_delay.c>
                  DelayEngine off
                </IfModule>
                ModulePath %s
                LoadModule mod_digest.c
                <IfModule mod_digest.c>
                  DigestEngine on
                </IfModule>
                """.formatted(port, base.resolve("proftpd.pid"), base.resolve("proftpd.scoreboard"),
                base.resolve("proftpd-system.log"), passwd, prefix.resolve("lib/proftpd"));
    }
}
