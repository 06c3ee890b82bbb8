package org.filesync.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.CRC32;

/** Computes a local file's checksum with the algorithm a server named (MD5, SHA-1, SHA-256, SHA-512, CRC32). */
final class LocalChecksum {

    private LocalChecksum() {
    }

    /** Lower-case hex, or empty when the algorithm is not one filesync knows. */
    static Optional<String> of(Path file, String algorithm) throws IOException {
        String name = algorithm.toUpperCase(Locale.ROOT).replace("_", "-");
        byte[] buffer = new byte[1 << 16];
        if (name.equals("CRC32") || name.equals("CRC")) {
            CRC32 crc = new CRC32();
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
            }
            return Optional.of(String.format("%08x", crc.getValue()));
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }
}
