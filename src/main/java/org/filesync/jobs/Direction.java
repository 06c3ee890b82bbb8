package org.filesync.jobs;

/** Which way a job mirrors: remote to local, or local to remote. */
public enum Direction {
    DOWNLOAD, UPLOAD
}
