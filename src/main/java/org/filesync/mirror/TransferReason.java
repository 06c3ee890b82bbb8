package org.filesync.mirror;

/** Why the planner decided what it did about one file. */
public enum TransferReason {
    NEW("new file"),
    CHANGED("changed since the last sync"),
    TARGET_MISSING("missing in the target"),
    TARGET_SIZE("target size differs"),
    UNCHANGED("unchanged"),
    /** Already in the target with the source's size and time, but never synced by filesync: adopted into the catalog. */
    ALREADY_PRESENT("already in the target"),
    /** Modified more recently than the job's {@code minAge}: it may still be being written. */
    TOO_YOUNG("younger than minAge: left for a later run");

    private final String text;

    TransferReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public boolean transfers() {
        return this != UNCHANGED && this != ALREADY_PRESENT && this != TOO_YOUNG;
    }
}
