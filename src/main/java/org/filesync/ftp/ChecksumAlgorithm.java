package org.filesync.ftp;

import java.util.Locale;
import java.util.Optional;

/**
 * The checksum algorithms filesync computes, strongest first, under the names HASH uses for them
 * (draft-bryan-ftpext-hash §7, the IANA hash function textual names).
 */
public enum ChecksumAlgorithm {
    SHA_256("SHA-256", 64),
    SHA_512("SHA-512", 128),
    SHA_1("SHA-1", 40),
    MD5("MD5", 32),
    CRC32("CRC32", 8);

    private final String hashName;
    private final int hexLength;

    ChecksumAlgorithm(String hashName, int hexLength) {
        this.hashName = hashName;
        this.hexLength = hexLength;
    }

    /** The name in HASH replies and {@code OPTS HASH}, and the JCA name of the digests. */
    public String hashName() {
        return hashName;
    }

    /** How many hex digits a value has. */
    int hexLength() {
        return hexLength;
    }

    /** By a server's name for it, spelt with or without the dash ("SHA-256", "sha256"); empty when filesync lacks it. */
    static Optional<ChecksumAlgorithm> named(String name) {
        String wanted = name.toUpperCase(Locale.ROOT).replace("-", "");
        for (ChecksumAlgorithm algorithm : values()) {
            if (algorithm.hashName.replace("-", "").equals(wanted)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }
}
