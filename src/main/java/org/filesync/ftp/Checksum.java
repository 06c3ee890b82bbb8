package org.filesync.ftp;

/** A checksum a server computed: the algorithm and its lower-case hex value. */
public record Checksum(ChecksumAlgorithm algorithm, String hex) {
}
