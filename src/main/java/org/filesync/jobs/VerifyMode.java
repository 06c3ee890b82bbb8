package org.filesync.jobs;

/** What a transfer is checked against before it takes its final name. */
public enum VerifyMode {
    NONE, SIZE, CHECKSUM
}
