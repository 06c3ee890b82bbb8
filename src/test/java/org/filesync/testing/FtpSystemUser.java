package org.filesync.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The system user "ftp" that servers run as processes (pure-ftpd, ProFTPD) hand a virtual user's
 * files to: it owns the served folder, and the server's password file names its uid and gid.
 */
record FtpSystemUser(int uid, int gid) {

    /** Gives {@code root} to user and group "ftp" (needs root) and returns their ids. */
    static FtpSystemUser owning(Path root) throws IOException {
        UserPrincipalLookupService users = root.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView owner = Files.getFileAttributeView(root, PosixFileAttributeView.class);
        owner.setOwner(users.lookupPrincipalByName("ftp"));
        owner.setGroup(users.lookupPrincipalByGroupName("ftp"));
        return new FtpSystemUser((Integer) Files.getAttribute(root, "unix:uid"),
                (Integer) Files.getAttribute(root, "unix:gid"));
    }

    /**
     * A SHA-512 crypt(3) hash of {@code password}, which both servers' password files accept; their
     * own tools would hash with a cost (argon2id in pure-pw) that takes seconds per login on a small machine.
     */
    static String cryptHash(String password) throws IOException, InterruptedException {
        return run(List.of("openssl", "passwd", "-6", "-salt", "filesync", password)).strip();
    }

    /** Runs a short helper command to its end; its output, or an IOException with that output when it fails. */
    static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command.subList(0, 2)) + " failed: " + output);
        }
        return output;
    }
}
