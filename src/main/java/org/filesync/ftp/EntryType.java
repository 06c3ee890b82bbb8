package org.filesync.ftp;

/** What a listing entry is. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, OTHER,
    /** A listing line no parser understood that may still be an entry: its name is the whole line, never to be used. */
    UNREADABLE
}
