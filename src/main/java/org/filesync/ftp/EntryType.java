package org.filesync.ftp;

/** What a listing entry is. */
public enum EntryType {
    FILE, DIRECTORY, SYMLINK, OTHER
}
