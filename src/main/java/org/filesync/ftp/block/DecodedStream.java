package org.filesync.ftp.block;

/**
 * What a block stream held, read up to its EOF block.
 *
 * @param dataBytes data bytes delivered to the sink
 * @param markers non-empty restart markers seen
 * @param suspectBytes data bytes the sender flagged as suspect (delivered all the same)
 */
public record DecodedStream(long dataBytes, int markers, long suspectBytes) {
}
