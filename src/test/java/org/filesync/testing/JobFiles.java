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
        List<String> lines = new ArrayList<>(List.of(
                "remote:",
                "  url: ftp://" + ApacheFtpServer.USER + "@127.0.0.1:" + port + "/" + remoteFolder,
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
