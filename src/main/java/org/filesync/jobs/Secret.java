package org.filesync.jobs;

/** A password: its text is only handed out by {@link #reveal()}, never by {@code toString}. */
public record Secret(String value) {

    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "******";
    }
}
