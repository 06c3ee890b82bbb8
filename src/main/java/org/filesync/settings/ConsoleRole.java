package org.filesync.settings;

/** What a console user may do: {@code role:} of an entry in the settings file's {@code users:}. */
public enum ConsoleRole {
    /** Reads every page and every {@code GET /api/...}. */
    VIEWER,
    /** A viewer who may also act: every state-changing request. */
    OPERATOR
}
