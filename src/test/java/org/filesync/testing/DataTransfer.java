package org.filesync.testing;

/**
 * One data transfer as {@link BlockModeFtpServer} saw it, recorded before its final reply is sent.
 *
 * @param command RETR, STOR, APPE, LIST, NLST or MLSD
 * @param path the virtual path (listings: the folder)
 * @param blockMode whether it ran in MODE B
 * @param startOffset where in the file it started (REST), 0 for listings
 * @param dataBytes file or listing bytes moved over the data connection (block headers and markers not counted)
 * @param complete false when the transfer was cut, broken or aborted
 */
public record DataTransfer(String command, String path, boolean blockMode, long startOffset, long dataBytes, boolean complete) {
}
