package org.filesync.ftp;

/**
 * How a completed RETR or STOR went.
 *
 * @param bytesTransferred bytes moved over the wire by this attempt
 * @param resumedFrom where the attempt really started (START when a restart was refused)
 * @param restartRefused the caller asked to resume, the server refused REST, and the file was sent whole
 * @param replyCode the final reply (226 or 250)
 */
public record TransferResult(long bytesTransferred, RestartPoint resumedFrom, boolean restartRefused,
                             int replyCode, String replyText) {
}
