package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
            UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
            PosixFileAttributeView owner = Files.getFileAttributeView(root, PosixFileAttributeView.class);
            owner.setOwner(users.lookupPrincipalByName("ftp"));
            GroupPrincipal group = users.lookupPrincipalByGroupName("ftp");
            owner.setGroup(group);
            Path passwd = base.resolve("pureftpd.passwd");
            Path database = base.resolve("pureftpd.pdb");
            // pure-pw would hash with argon2id at a cost that takes seconds per login on a small
            // machine; a SHA-512 crypt hash keeps the virtual user and drops the wait.
            String hash = run(List.of("openssl", "passwd", "-6", "-salt", "filesync", PASSWORD)).strip();
            Object ftpUser = Files.getAttribute(root, "unix:uid");
            Object ftpGroup = Files.getAttribute(root, "unix:gid");
            Files.writeString(passwd, USER + ":" + hash + ":" + ftpUser + ":" + ftpGroup + "::" + root + "/./::::::::::::\n");
            run(List.of(prefix.resolve("bin/pure-pw").toString(), "mkdb", database.toString(), "-f", passwd.toString()));
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

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + output);
        }
        return output;
    }
}
