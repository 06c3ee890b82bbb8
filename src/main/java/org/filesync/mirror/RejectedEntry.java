package org.filesync.mirror;

/** A listing entry that is never used, with the reason: it goes into the history as a FAILED transfer. */
public record RejectedEntry(String path, String reason) {
}
