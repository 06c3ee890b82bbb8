package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes job files for tests. */
public final class JobFiles {

    private JobFiles() {
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
