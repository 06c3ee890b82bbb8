package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes job files for tests. */
public final class JobFiles {

    private JobFiles() {
    }

    /**
     * {@code NAME.yaml}: a download of {@code remoteFolder} from the {@link ApacheFtpServer} at
     * {@code port} (password from env FTP_PASSWORD) into {@code ../mirror/NAME}, plus {@code extra}
     * lines; those that start with two spaces go into the {@code remote:} section.
     */
    public static Path ftpJob(Path directory, String name, int port, String remoteFolder, String... extra) {
        return ftpJob(directory, name, ApacheFtpServer.USER, port, remoteFolder, extra);
    }

    /**
     * The same against {@code server} (or whatever listens at {@code port} in front of it), mirroring
     * {@code remoteFolder} below the server's test root; FTP_PASSWORD must hold the server's password.
     */
    public static Path ftpJob(Path directory, String name, FtpServerFixture server, int port, String remoteFolder,
                              String... extra) {
        return ftpJob(directory, name, server.username(), port, urlPath(server.remote(remoteFolder)), extra);
    }

    /** A server's path as a URL's path: an absolute one starts with %2F (RFC 1738), a relative one is the login folder's. */
    public static String urlPath(String remotePath) {
        return remotePath.startsWith("/") ? "%2F" + remotePath.substring(1) : remotePath;
    }

    private static Path ftpJob(Path directory, String name, String user, int port, String remoteFolder, String... extra) {
        List<String> lines = new ArrayList<>(List.of(
                "remote:",
                "  url: ftp://" + user + "@127.0.0.1:" + port + "/" + remoteFolder,
                "  password: ${FTP_PASSWORD}",
                "local:",
                "  path: ../mirror/" + name));
        List<String> more = List.of(extra);
        lines.addAll(lines.indexOf("local:"), more.stream().filter(line -> line.startsWith("  ")).toList());
        lines.addAll(more.stream().filter(line -> !line.startsWith("  ")).toList());
        return write(directory, name + ".yaml", lines.toArray(String[]::new));
    }

    public static Path write(Path directory, String fileName, String... lines) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(fileName);
            Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
