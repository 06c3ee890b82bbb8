package org.filesync.ftp.block;

/**
 * What an encoder sent, EOF block included.
 *
 * @param dataBytes data bytes sent
 * @param markers restart markers sent
 */
public record EncodedStream(long dataBytes, int markers) {
}
