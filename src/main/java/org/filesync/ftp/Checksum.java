package org.filesync.ftp;

/** A checksum a server computed: the algorithm (MD5, SHA-256, CRC32, ...) and its lower-case hex value. */
public record Checksum(String algorithm, String hex) {
}
