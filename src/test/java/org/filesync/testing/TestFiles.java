package org.filesync.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Files of random bytes for round-trip tests, reproducible from their seed. */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path random(Path file, long size, long seed) {
        try {
            Files.createDirectories(file.getParent());
            Random random = new Random(seed);
            byte[] chunk = new byte[64 * 1024];
            try (var out = Files.newOutputStream(file)) {
                for (long left = size; left > 0; left -= chunk.length) {
                    random.nextBytes(chunk);
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
