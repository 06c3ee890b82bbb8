package org.filesync.history;

import com.fasterxml.jackson.annotation.JsonValue;

/** What an operator can do to a job from the console or the command line. */
public enum JobAction {
    RUN_NOW("run-now"), PAUSE("pause"), RESUME("resume"), STOP("stop");

    private final String label;

    JobAction(String label) {
        this.label = label;
    }

    /** As the action log stores it and the JSON shows it. */
    @JsonValue
    public String label() {
        return label;
    }

    static JobAction ofLabel(String label) {
        for (JobAction action : values()) {
            if (action.label.equals(label)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action " + label);
    }
}
