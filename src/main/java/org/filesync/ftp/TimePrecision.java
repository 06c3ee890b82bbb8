package org.filesync.ftp;

/** How exact a listed modify time is: MLSD gives seconds, LIST minutes for recent files and days for older ones. */
public enum TimePrecision {
    EXACT, MINUTE, DAY, UNKNOWN
}
