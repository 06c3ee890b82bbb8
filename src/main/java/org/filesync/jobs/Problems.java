package org.filesync.jobs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The errors found in one job file, collected so that a single pass reports them all. */
final class Problems {

    private final Path file;
    private final List<JobFileError> errors = new ArrayList<>();

    Problems(Path file) {
        this.file = file;
    }

    void add(int line, String message) {
        errors.add(new JobFileError(file, line, message));
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    List<JobFileError> list() {
        return List.copyOf(errors);
    }
}
