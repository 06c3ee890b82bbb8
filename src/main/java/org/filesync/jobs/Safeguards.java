package org.filesync.jobs;

import java.time.Duration;

/**
 * What keeps a run from doing harm on a bad day: how much it may delete, and how old a source file
 * must be before it is taken (younger ones may still be being written).
 */
public record Safeguards(DeleteLimit deleteLimit, Duration minAge) {

    public static final Safeguards DEFAULT = new Safeguards(DeleteLimit.DEFAULT, Duration.ZERO);

    public Safeguards withDeletesAllowed() {
        return new Safeguards(DeleteLimit.NONE, minAge);
    }
}
