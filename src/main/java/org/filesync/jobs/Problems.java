package org.filesync.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The errors found in one configuration file (a job file, the settings file), collected so that a single pass reports them all. */
public final class Problems {

    private final Path file;
    private final List<JobFileError> errors = new ArrayList<>();

    public Problems(Path file) {
        this.file = file;
    }

    public void add(int line, String message) {
        errors.add(new JobFileError(file, line, message));
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<JobFileError> list() {
        return List.copyOf(errors);
    }
}
