package org.filesync.mirror;

/**
 * How the transfer of one file ended.
 *
 * @param bytesThisRun bytes moved over the wire in this run, all attempts together
 * @param resumedFrom the offset the last attempt started at
 * @param replyCode the last reply (226 on success), or null when the failure had none
 */
public record TransferOutcome(boolean succeeded, long bytesThisRun, long resumedFrom, int attempts,
                              Integer replyCode, String message) {
}
