package org.filesync.mirror;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.Checksum;
import org.filesync.ftp.ChecksumAlgorithm;

/** Computes a local file's checksum with the algorithm a server used, in lower-case hex. */
final class LocalChecksum {

    private LocalChecksum() {
    }

    static String of(Path file, ChecksumAlgorithm algorithm) throws IOException {
        byte[] buffer = new byte[1 << 16];
        if (algorithm == ChecksumAlgorithm.CRC32) {
            Checksum crc = new CRC32();
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    crc.update(buffer, 0, n);
                }
            }
            return String.format("%08x", crc.getValue());
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(algorithm.hashName());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm.hashName(), e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
